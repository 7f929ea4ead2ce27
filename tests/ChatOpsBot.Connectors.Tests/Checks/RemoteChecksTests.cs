using ChatOpsBot.Connectors.Otx;
using ChatOpsBot.Connectors.Splunk;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Connectors.VirusTotal;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Connectors.Tests.Checks;

/// <summary>The <c>check</c> lines of OTX, VirusTotal and Splunk against loopback servers that answer as those APIs do.</summary>
public sealed class RemoteChecksTests
{
    private const string Key = "key-under-test";

    [Fact]
    public async Task Otx_AcceptedKey_NamesTheUser_AndSendsTheKeyHeader()
    {
        using var server = new ScriptedHttpServer(r => r.Path == "/api/v1/users/me"
            ? ScriptedResponse.Json("""{"username": "soc-bot", "member_since": "2024-01-01"}""")
            : new ScriptedResponse(404));

        var health = await ConnectorChecks.RunAsync(Otx(server), "intel (OTX)");

        Assert.True(health.Healthy, health.Message);
        Assert.Contains("user soc-bot", health.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, health.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Otx_RefusedKey_Fails()
    {
        using var server = new ScriptedHttpServer(_ => ScriptedResponse.Json("""{"detail": "Authentication required"}""", 403));

        var health = await ConnectorChecks.RunAsync(Otx(server), "intel (OTX)");

        Assert.False(health.Healthy);
        Assert.Contains("HTTP 403", health.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200, true, "key accepted")]
    [InlineData(401, false, "HTTP 401")]
    public async Task VirusTotal_LooksUpOneAddressWithTheKey(int status, bool healthy, string expected)
    {
        using var server = new ScriptedHttpServer(r => r.Path == "/api/v3/ip_addresses/8.8.8.8"
            ? ScriptedResponse.Json(status == 200 ? """{"data": {"id": "8.8.8.8", "type": "ip_address"}}""" : """{"error": {"code": "WrongCredentialsError"}}""", status)
            : new ScriptedResponse(404));
        var services = new ServiceCollection().AddVirusTotalClient(TestConfiguration.From(FastHttp.Merge(
            [("VirusTotal:BaseUrl", new Uri(server.BaseAddress, "api/v3/").ToString()), ("VirusTotal:ApiKey", Key), .. FastHttp.For("VirusTotal")])));

        var health = await ConnectorChecks.RunAsync(services, "intel (VirusTotal)");

        Assert.Equal(healthy, health.Healthy);
        Assert.Contains(expected, health.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200, true, "user svc-hunt")]
    [InlineData(401, false, "HTTP 401")]
    public async Task Splunk_AsksWhoseTokenItIs(int status, bool healthy, string expected)
    {
        using var server = new ScriptedHttpServer(r => r.Path == "/services/authentication/current-context" && r.Authorization == $"Bearer {Key}"
            ? ScriptedResponse.Json("""{"entry": [{"name": "context", "content": {"username": "svc-hunt", "roles": ["user"]}}]}""")
            : ScriptedResponse.Json("""{"messages": [{"type": "WARN", "text": "call not properly authenticated"}]}""", 401));
        var token = status == 200 ? Key : "wrong";
        var services = new ServiceCollection().AddSplunkSiem(TestConfiguration.From(FastHttp.Merge(
            [("Splunk:BaseUrl", server.BaseAddress.ToString()), ("Splunk:Token", token), .. FastHttp.For("Splunk")])));

        var health = await ConnectorChecks.RunAsync(services, "SIEM (Splunk)");

        Assert.Equal(healthy, health.Healthy);
        Assert.Contains(expected, health.Message, StringComparison.Ordinal);
    }

    private static IServiceCollection Otx(ScriptedHttpServer server) =>
        new ServiceCollection().AddOtxClient(TestConfiguration.From(FastHttp.Merge(
            [("Otx:BaseUrl", server.BaseAddress.ToString()), ("Otx:ApiKey", Key), .. FastHttp.For("Otx")])));
}
