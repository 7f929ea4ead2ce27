using System.Net;
using ChatOpsBot.Connectors.Otx;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Core.Intel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Tests.Otx;

public sealed class OtxIntelTests : IDisposable
{
    private const string Key = "otx-test-key-456";

    private const string General = """
        {"indicator":"203.0.113.7","type":"IPv4","validation":[],"pulse_info":{"count":2,"pulses":[
          {"id":"5f1a","name":"Emotet epoch 5 C2","tags":["emotet","c2"],"malware_families":[{"id":"Emotet","display_name":"Emotet"}],"references":["https://example.org/emotet"]},
          {"id":"6b2c","name":"Botnet tracker","tags":[],"malware_families":["QakBot"],"references":[]}]}}
        """;

    private readonly List<IDisposable> _disposables = [];

    public void Dispose() => _disposables.ForEach(d => d.Dispose());

    [Fact]
    public async Task LookupIpAsync_Ipv4InPulses_IsMaliciousWithThePulses()
    {
        var server = Serve((_, response, _) => FakeApiServer.Json(response, General));

        var intel = await Intel(server).LookupIpAsync(IPAddress.Parse("203.0.113.7"), CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/api/v1/indicators/IPv4/203.0.113.7/general", request.Path);
        Assert.Equal(Key, request.Header("X-OTX-API-KEY"));
        Assert.Equal((Verdict.Malicious, "OTX"), (intel.Verdict, intel.Source));
        Assert.Equal(["5f1a", "6b2c"], intel.Pulses.Select(p => p.Id));
        Assert.Equal("Emotet epoch 5 C2", intel.Pulses[0].Name);
        Assert.Equal(["emotet", "c2"], intel.Pulses[0].Tags);
        Assert.Equal(["Emotet"], intel.Pulses[0].MalwareFamilies);
        Assert.Equal(["QakBot"], intel.Pulses[1].MalwareFamilies);
    }

    [Fact]
    public async Task LookupIpAsync_ValidationEntries_IsHarmless()
    {
        var server = Serve((_, response, _) => FakeApiServer.Json(response, """
            {"validation":[{"source":"whitelist","message":"Whitelisted IP","name":"Whitelisted IP"}],"pulse_info":{"count":1,"pulses":[{"id":"p1","name":"noisy"}]}}
            """));

        var intel = await Intel(server).LookupIpAsync(IPAddress.Parse("8.8.8.8"), CancellationToken.None);

        Assert.Equal(Verdict.Harmless, intel.Verdict);
    }

    [Fact]
    public async Task LookupIpAsync_Ipv6_UsesTheIpv6Section()
    {
        var server = Serve((_, response, _) => FakeApiServer.Json(response, """{"validation":[],"pulse_info":{"count":0,"pulses":[]}}"""));

        var intel = await Intel(server).LookupIpAsync(IPAddress.Parse("2001:db8::1"), CancellationToken.None);

        // As OTX's own SDK (OTXv2) sends it: the address as it is, colons and all.
        Assert.Equal("/api/v1/indicators/IPv6/2001:db8::1/general", Assert.Single(server.Requests).Path);
        Assert.Equal(Verdict.Unknown, intel.Verdict);
    }

    [Fact]
    public async Task LookupIpAsync_NotFound_IsUnknownNotAnError()
    {
        var server = Serve((_, response, _) => FakeApiServer.Json(response, """{"detail":"Not found."}""", 404));

        var intel = await Intel(server).LookupIpAsync(IPAddress.Parse("192.0.2.1"), CancellationToken.None);

        Assert.Equal(Verdict.Unknown, intel.Verdict);
        Assert.Empty(intel.Pulses);
    }

    [Fact]
    public async Task LookupFileHashAndUrl_UseTheirSections()
    {
        var server = Serve((_, response, _) => FakeApiServer.Json(response, General));
        var intel = Intel(server);

        var hash = await intel.LookupFileHashAsync("44d88612fea8a8f36de82e1278abb02f", CancellationToken.None);
        var url = await intel.LookupUrlAsync("http://evil.example/a b?x=1", CancellationToken.None);

        Assert.Equal(
            // The URL as OTXv2 sends it (scheme and slashes as they are); what may not stand in a path is escaped, and so is
            // the '?', which would otherwise cut the URL's query off into the request's own.
            ["/api/v1/indicators/file/44d88612fea8a8f36de82e1278abb02f/general", "/api/v1/indicators/url/http://evil.example/a%20b%3Fx=1/general"],
            server.Requests.Select(r => r.Path));
        Assert.Equal(Verdict.Malicious, hash.Verdict);
        Assert.Contains("Emotet epoch 5 C2", url.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupUrlAsync_NotFound_IsAFailureNotUnknown()
    {
        // OTX answers a URL it has no pulse for with 200 and an empty pulse_info; a 404 means it never read the URL.
        var server = Serve((_, response, _) => FakeApiServer.Json(response, """{"detail":"Not found."}""", 404));

        var error = await Assert.ThrowsAsync<OtxException>(() => Intel(server).LookupUrlAsync("https://a.example/x/y", CancellationToken.None));

        Assert.Contains("404", error.Message, StringComparison.Ordinal);
        Assert.Contains("not taken as unknown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupUrlAsync_PathKeepsTheUrlAsWritten_DotSegmentsEscapesAndAll()
    {
        var server = Serve((_, response, _) => FakeApiServer.Json(response, """{"validation":[],"pulse_info":{"count":0,"pulses":[]}}"""));

        await Intel(server).LookupUrlAsync("http://evil.example/a/../b/%7Euser/ü?q=1&r=2#frag", CancellationToken.None);

        Assert.Equal("/api/v1/indicators/url/http://evil.example/a/../b/%7Euser/%C3%BC%3Fq=1&r=2%23frag/general", Assert.Single(server.Requests).Path);
    }

    [Theory]
    [InlineData("https://x.example/p?a=b", "https://x.example/p%3Fa=b")]
    [InlineData("http://x.example/50%", "http://x.example/50%25")]
    [InlineData("http://x.example/a b", "http://x.example/a%20b")]
    [InlineData("http://user@x.example:8080/;p,q+r$!*'()", "http://user@x.example:8080/;p,q+r$!*'()")]
    public void OtxPathsEscape_KeepsWhatAPathMayCarry_EncodesTheRest(string url, string expected)
    {
        Assert.Equal(expected, OtxPaths.Escape(url));
    }

    [Fact]
    public async Task GetPulseIpv4IndicatorsAsync_FollowsNextAndKeepsIpv4Only()
    {
        FakeApiServer? self = null;
        var server = Serve((r, response, _) => r.QueryValue("page") switch
        {
            null => FakeApiServer.Json(response, $$"""
                {"count":5,"next":"{{self!.BaseAddress}}api/v1/pulses/5f1a/indicators?limit=2&page=2","previous":null,"results":[
                  {"indicator":"203.0.113.7","type":"IPv4"},{"indicator":"evil.example","type":"domain"}]}
                """),
            "2" => FakeApiServer.Json(response, """
                {"count":5,"next":null,"results":[{"indicator":"2001:db8::5","type":"IPv6"},{"indicator":"198.51.100.4","type":"IPv4"},{"indicator":"203.0.113.7","type":"IPv4"}]}
                """),
            _ => FakeApiServer.Json(response, "{}", 404),
        });
        self = server;

        var ips = await Intel(server, ("Otx:PageSize", "2")).GetPulseIpv4IndicatorsAsync("5f1a", CancellationToken.None);

        Assert.Equal(["203.0.113.7", "198.51.100.4"], ips.Select(i => i.ToString()));
        Assert.Equal(["2", "2"], server.Requests.Select(r => r.QueryValue("limit")));
        Assert.All(server.Requests, r => Assert.Equal(Key, r.Header("X-OTX-API-KEY")));
    }

    [Fact]
    public async Task GetPulseIpv4IndicatorsAsync_NextLeavesTheHost_ThrowsWithoutSendingTheKeyThere()
    {
        var server = Serve((_, response, _) => FakeApiServer.Json(response, """{"next":"https://attacker.example/steal","results":[]}"""));

        var error = await Assert.ThrowsAsync<OtxException>(() => Intel(server).GetPulseIpv4IndicatorsAsync("5f1a", CancellationToken.None));

        Assert.Single(server.Requests);
        Assert.Contains("pulse indicators failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupIpAsync_TooManyRequestsWithRetryAfter_WaitsAndSucceeds()
    {
        var calls = 0;
        var server = Serve((_, response, _) => Interlocked.Increment(ref calls) == 1
            ? FakeApiServer.Json(response, """{"detail":"Request was throttled."}""", 429, ("Retry-After", "1"))
            : FakeApiServer.Json(response, General));

        var intel = await Intel(server).LookupIpAsync(IPAddress.Parse("203.0.113.7"), CancellationToken.None);

        Assert.Equal(2, calls);
        Assert.Equal(Verdict.Malicious, intel.Verdict);
    }

    [Fact]
    public async Task LookupIpAsync_ServerErrorEveryTime_RetriesThenThrowsTypedFailure()
    {
        var server = Serve((_, response, _) => FakeApiServer.Json(response, "{}", 502));

        var error = await Assert.ThrowsAsync<OtxException>(() => Intel(server).LookupIpAsync(IPAddress.Parse("203.0.113.7"), CancellationToken.None));

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal("OTX: IP lookup failed: HTTP 502 (BadGateway)", error.Message);
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupIpAsync_SlowAnswer_ThrowsTypedFailure()
    {
        var server = Serve(async (_, response, stopping) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), stopping);
            await FakeApiServer.Json(response, General);
        });

        var error = await Assert.ThrowsAsync<OtxException>(() =>
            Intel(server, FastHttp.For("Otx", "00:00:00.200")).LookupIpAsync(IPAddress.Parse("203.0.113.7"), CancellationToken.None));

        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"pulse_info":{"pulses":[{"id":""")]
    [InlineData("""<html>Service Unavailable</html>""")]
    [InlineData("""{"pulse_info":{"pulses":[{"name":"no id"}]}}""")]
    public async Task LookupIpAsync_MalformedAnswer_ThrowsTypedFailure(string body)
    {
        var server = Serve((_, response, _) => FakeApiServer.Json(response, body));

        var error = await Assert.ThrowsAsync<OtxException>(() => Intel(server).LookupIpAsync(IPAddress.Parse("203.0.113.7"), CancellationToken.None));

        Assert.Contains("malformed JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_MissingKey_FailsNamingTheEnvironmentVariable()
    {
        using var provider = new ServiceCollection().AddOtxIntel(TestConfiguration.From(("Otx:PageSize", "0"))).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OtxOptions>>().Value);

        Assert.Contains("Otx:ApiKey must be set (from the environment: Otx__ApiKey)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Otx:PageSize", error.Message, StringComparison.Ordinal);
    }

    private FakeApiServer Serve(Func<RecordedRequest, HttpListenerResponse, CancellationToken, Task> handler)
    {
        var server = new FakeApiServer(handler);
        _disposables.Add(server);
        return server;
    }

    private IThreatIntel Intel(FakeApiServer server, params (string Key, string? Value)[] settings)
    {
        var provider = new ServiceCollection()
            .AddOtxIntel(TestConfiguration.From(FastHttp.Merge([("Otx:BaseUrl", server.BaseAddress.ToString()), ("Otx:ApiKey", Key), .. FastHttp.For("Otx"), .. settings])))
            .BuildServiceProvider();
        _disposables.Add(provider);
        return provider.GetRequiredService<IThreatIntel>();
    }
}
