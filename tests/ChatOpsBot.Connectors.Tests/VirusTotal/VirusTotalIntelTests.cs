using System.Net;
using System.Text;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Connectors.VirusTotal;
using ChatOpsBot.Core.Intel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Connectors.Tests.VirusTotal;

public sealed class VirusTotalIntelTests : IDisposable
{
    private const string Key = "vt-test-key-789";
    private readonly List<IDisposable> _disposables = [];

    public void Dispose() => _disposables.ForEach(d => d.Dispose());

    [Theory]
    [InlineData(5, 0, 60, 10, Verdict.Malicious)]
    [InlineData(3, 0, 60, 10, Verdict.Malicious)]
    [InlineData(2, 0, 60, 10, Verdict.Suspicious)]
    [InlineData(0, 1, 60, 10, Verdict.Suspicious)]
    [InlineData(0, 0, 60, 10, Verdict.Harmless)]
    [InlineData(0, 0, 0, 0, Verdict.Unknown)]
    public async Task LookupIpAsync_VerdictFollowsTheThresholds(int malicious, int suspicious, int harmless, int undetected, Verdict expected)
    {
        var server = Serve((_, response, _) => FakeApiServer.Json(response, Object("ip_address", "203.0.113.7", malicious, suspicious, harmless, undetected)));

        var intel = await Intel(server).LookupIpAsync(IPAddress.Parse("203.0.113.7"), CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/api/v3/ip_addresses/203.0.113.7", request.Path);
        Assert.Equal(Key, request.Header("x-apikey"));
        Assert.Equal((expected, "VirusTotal"), (intel.Verdict, intel.Source));
        Assert.Empty(intel.Pulses);
    }

    [Fact]
    public async Task LookupFileHashAsync_ConfiguredThreshold_DecidesAndExplains()
    {
        var server = Serve((_, response, _) => FakeApiServer.Json(response, Object("file", "abc", 4, 0, 0, 66)));

        var verdict = await Intel(server, ("VirusTotal:MaliciousThreshold", "5")).LookupFileHashAsync("ABC", CancellationToken.None);

        Assert.Equal("/api/v3/files/ABC", Assert.Single(server.Requests).Path);
        Assert.Equal(new IndicatorVerdict(Verdict.Suspicious, "VirusTotal: 4/70 engines malicious, 0 suspicious"), verdict);
    }

    [Theory]
    [InlineData("http://evil.example/login?next=>>>~~~")]
    [InlineData("https://example.com/")]
    public async Task LookupUrlAsync_IdIsUnpaddedUrlSafeBase64OfTheUrl(string url)
    {
        var server = Serve((_, response, _) => FakeApiServer.Json(response, Object("url", "x", 7, 0, 50, 10)));

        var verdict = await Intel(server).LookupUrlAsync(url, CancellationToken.None);

        var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes(url)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal($"/api/v3/urls/{expected}", Assert.Single(server.Requests).Path);
        Assert.DoesNotContain('=', expected);
        Assert.Equal(Verdict.Malicious, verdict.Verdict);
    }

    [Fact]
    public async Task Lookups_NotFound_AreUnknownNotErrors()
    {
        var server = Serve((_, response, _) => FakeApiServer.Json(response, """{"error":{"code":"NotFoundError","message":"File \"abc\" not found"}}""", 404));
        var intel = Intel(server);

        var file = await intel.LookupFileHashAsync("abc", CancellationToken.None);
        var ip = await intel.LookupIpAsync(IPAddress.Parse("192.0.2.1"), CancellationToken.None);

        Assert.Equal((Verdict.Unknown, Verdict.Unknown), (file.Verdict, ip.Verdict));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task LookupIpAsync_QuotaExceededWithRetryAfter_WaitsAndSucceeds()
    {
        var calls = 0;
        var server = Serve((_, response, _) => Interlocked.Increment(ref calls) == 1
            ? FakeApiServer.Json(response, """{"error":{"code":"QuotaExceededError","message":"Quota exceeded"}}""", 429, ("Retry-After", "1"))
            : FakeApiServer.Json(response, Object("ip_address", "203.0.113.7", 9, 0, 0, 0)));

        var intel = await Intel(server).LookupIpAsync(IPAddress.Parse("203.0.113.7"), CancellationToken.None);

        Assert.Equal(2, calls);
        Assert.Equal(Verdict.Malicious, intel.Verdict);
    }

    [Fact]
    public async Task LookupIpAsync_QuotaNeverClears_ThrowsTypedFailureSayingSo()
    {
        var server = Serve((_, response, _) => FakeApiServer.Json(response, """{"error":{"code":"QuotaExceededError","message":"Quota exceeded"}}""", 429));

        var error = await Assert.ThrowsAsync<VirusTotalException>(() => Intel(server).LookupIpAsync(IPAddress.Parse("203.0.113.7"), CancellationToken.None));

        Assert.Equal(3, server.Requests.Count);
        Assert.Contains("HTTP 429", error.Message, StringComparison.Ordinal);
        Assert.Contains("quota", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupUrlAsync_ServerError_RetriesThenThrowsTypedFailure()
    {
        var server = Serve((_, response, _) => FakeApiServer.Json(response, """{"error":{"code":"TransientError","message":"try again"}}""", 503));

        var error = await Assert.ThrowsAsync<VirusTotalException>(() => Intel(server).LookupUrlAsync("http://a.example/", CancellationToken.None));

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal("VirusTotal: URL lookup failed: HTTP 503 (ServiceUnavailable)", error.Message);
    }

    [Fact]
    public async Task LookupFileHashAsync_SlowAnswer_ThrowsTypedFailure()
    {
        var server = Serve(async (_, response, stopping) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), stopping);
            await FakeApiServer.Json(response, "{}");
        });

        var error = await Assert.ThrowsAsync<VirusTotalException>(() =>
            Intel(server, FastHttp.For("VirusTotal", "00:00:00.200")).LookupFileHashAsync("abc", CancellationToken.None));

        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"data":{"attributes":{"last_analysis_stats":{"malicious":""")]
    [InlineData("""{"data":{"attributes":{"last_analysis_stats":{"malicious":"many"}}}}""")]
    [InlineData("""{"error":null}""")]
    public async Task LookupIpAsync_MalformedAnswer_ThrowsTypedFailure(string body)
    {
        var server = Serve((_, response, _) => FakeApiServer.Json(response, body));

        var error = await Assert.ThrowsAsync<VirusTotalException>(() => Intel(server).LookupIpAsync(IPAddress.Parse("203.0.113.7"), CancellationToken.None));

        Assert.Contains("malformed JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_SuspiciousAboveMalicious_FailsNamingTheKey()
    {
        using var provider = new ServiceCollection()
            .AddVirusTotalIntel(TestConfiguration.From(("VirusTotal:ApiKey", "k"), ("VirusTotal:SuspiciousThreshold", "9"), ("VirusTotal:RequestsPerMinute", "0")))
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<VirusTotalOptions>>().Value);

        Assert.Contains("VirusTotal:SuspiciousThreshold", error.Message, StringComparison.Ordinal);
        Assert.Contains("VirusTotal:RequestsPerMinute", error.Message, StringComparison.Ordinal);
    }

    internal static string Object(string type, string id, int malicious, int suspicious, int harmless, int undetected) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            data = new
            {
                type, id,
                attributes = new { last_analysis_stats = new { malicious, suspicious, harmless, undetected, timeout = 0 }, reputation = -5 },
            },
        });

    private FakeApiServer Serve(Func<RecordedRequest, HttpListenerResponse, CancellationToken, Task> handler)
    {
        var server = new FakeApiServer(handler);
        _disposables.Add(server);
        return server;
    }

    private IThreatIntel Intel(FakeApiServer server, params (string Key, string? Value)[] settings)
    {
        var provider = new ServiceCollection()
            .AddVirusTotalIntel(TestConfiguration.From(FastHttp.Merge(
                [("VirusTotal:BaseUrl", new Uri(server.BaseAddress, "api/v3").ToString()), ("VirusTotal:ApiKey", Key), ("VirusTotal:RequestsPerMinute", "1000"), .. FastHttp.For("VirusTotal"), .. settings])))
            .BuildServiceProvider();
        _disposables.Add(provider);
        return provider.GetRequiredService<IThreatIntel>();
    }
}
