using System.Net;
using System.Text.Json;
using ChatOpsBot.Connectors.Splunk;
using ChatOpsBot.Connectors.Tests.EndToEnd;
using ChatOpsBot.Connectors.Tests.LocalLogs;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Core.Siem;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Connectors.Tests.Splunk;

public sealed class SplunkSiemTests : IDisposable
{
    private const string Token = "splunk-test-token-123";
    private const string Collection = "/servicesNS/nobody/search/storage/collections/data/chatopsbot_c2_indicators";
    private static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(1);

    private readonly List<IDisposable> _disposables = [];

    public void Dispose() => _disposables.ForEach(d => d.Dispose());

    [Fact]
    public async Task QueryAsync_SavedSearchMode_UploadsBatchesDispatchesPollsAndPagesResults()
    {
        var polls = 0;
        var server = Serve(async (r, response, _) =>
        {
            switch (r.Method, r.Path)
            {
                case ("DELETE", Collection):
                case ("POST", Collection + "/batch_save"):
                    await FakeApiServer.Json(response, "[]");
                    break;
                case ("POST", "/servicesNS/nobody/search/saved/searches/ChatOpsBot%20C2%20traffic/dispatch"):
                    await FakeApiServer.Json(response, """{"sid":"scheduler_1700.42"}""", 201);
                    break;
                case ("GET", "/services/search/jobs/scheduler_1700.42"):
                    var state = Interlocked.Increment(ref polls) < 3 ? "RUNNING" : "DONE";
                    await FakeApiServer.Json(response, $$$"""{"entry":[{"name":"scheduler_1700.42","content":{"dispatchState":"{{{state}}}","scanCount":5120,"eventCount":6,"resultCount":3,"earliestTime":"2026-11-01T01:00:00.000+01:00","latestTime":"2026-11-02T01:00:00.000+01:00"}}]}""");
                    break;
                case ("GET", "/services/search/jobs/scheduler_1700.42/results") when r.QueryValue("offset") == "0":
                    await FakeApiServer.Json(response, """
                        {"preview":false,"init_offset":0,"fields":[{"name":"src_ip"}],"results":[
                          {"src_ip":"10.0.0.5","dest_ip":"203.0.113.7","count":"3","bytes":"1200","first_seen":"1793491200","last_seen":"1793494800"},
                          {"src_ip":"198.51.100.9","dest_ip":"10.0.0.6","count":"2","bytes":"10","first_seen":"2026-11-01T02:00:00Z","last_seen":"2026-11-01T03:00:00Z"}]}
                        """);
                    break;
                case ("GET", "/services/search/jobs/scheduler_1700.42/results") when r.QueryValue("offset") == "2":
                    await FakeApiServer.Json(response, """{"results":[{"src_ip":"203.0.113.7","dest_ip":"10.0.0.5","count":"1","bytes":"50"}]}""");
                    break;
                default:
                    await FakeApiServer.Json(response, """{"messages":[{"type":"ERROR","text":"Not Found"}]}""", 404);
                    break;
            }
        });
        var siem = Siem(server, ("Splunk:BatchSize", "2"), ("Splunk:PageSize", "2"));

        var result = await siem.QueryAsync(Query(QueryPurpose.Hunt, "203.0.113.7/32", "192.0.2.1/32", "198.51.100.0/24"), CancellationToken.None);

        Assert.All(server.Requests, r => Assert.Equal($"Bearer {Token}", r.Header("Authorization")));
        Assert.Equal(["DELETE", "POST", "POST", "POST"], server.Requests.Take(4).Select(r => r.Method));
        var batches = server.RequestsTo(Collection + "/batch_save").Select(r => JsonSerializer.Deserialize<List<Dictionary<string, string>>>(r.Body)!).ToList();
        Assert.Equal([2, 1], batches.Select(b => b.Count));
        Assert.Equal(["203.0.113.7", "192.0.2.1", "198.51.100.0/24"], batches.SelectMany(b => b).Select(d => d["indicator"]));
        Assert.All(batches.SelectMany(b => b), d => Assert.Equal(d["indicator"], d["_key"]));
        var dispatch = Assert.Single(server.Requests, r => r.Path.EndsWith("/dispatch", StringComparison.Ordinal)).Form;
        Assert.Equal(From.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), dispatch["dispatch.earliest_time"]);
        Assert.Equal(To.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), dispatch["dispatch.latest_time"]);
        Assert.Equal(3, polls);
        Assert.All(server.RequestsTo("/services/search/jobs/scheduler_1700.42/results"), r => Assert.Equal("json", r.QueryValue("output_mode")));

        Assert.Equal(5120, result.RecordsScanned);
        // The job scanned only events of its time range: all 5120 were in the window (its eventCount, 6, counts the matches).
        Assert.Equal(new SiemCoverage("Splunk", 0, 5120, 5120, 0, From, To, []), result.Coverage! with { Files = [] });
        Assert.Empty(result.Coverage!.Files);
        Assert.Equal(2, result.Hits.Count);
        var beacon = result.Hits.Single(h => h.Host == "10.0.0.5");
        Assert.Equal(("203.0.113.7", 4L, 1250L, HitDirection.Both), (beacon.RemoteIp, beacon.Connections, beacon.Bytes, beacon.Direction));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1793491200), beacon.FirstSeen);
        var inbound = result.Hits.Single(h => h.Host == "10.0.0.6");
        Assert.Equal(("198.51.100.9", HitDirection.Inbound, From.AddHours(2)), (inbound.RemoteIp, inbound.Direction, inbound.FirstSeen));
    }

    [Fact]
    public async Task QueryAsync_LookupEditorUpload_ReplacesTheLookupWithHeaderAndRows()
    {
        var server = Serve(async (r, response, _) =>
        {
            if (r.Path.EndsWith("/dispatch", StringComparison.Ordinal)) await FakeApiServer.Json(response, """{"sid":"s1"}""");
            else if (r.Path == "/services/search/jobs/s1") await FakeApiServer.Json(response, """{"entry":[{"content":{"dispatchState":"DONE"}}]}""");
            else if (r.Path == "/services/search/jobs/s1/results") await FakeApiServer.Json(response, """{"results":[]}""");
            else await FakeApiServer.Json(response, "{}");
        });
        var siem = Siem(server, ("Splunk:Upload", "LookupEditor"), ("Splunk:LookupFile", "c2.csv"));

        var result = await siem.QueryAsync(Query(QueryPurpose.Hunt, "203.0.113.7/32", "10.9.0.0/16"), CancellationToken.None);

        Assert.Empty(result.Hits);
        var upload = Assert.Single(server.RequestsTo("/services/data/lookup_edit/lookup_contents")).Form;
        Assert.Equal(("search", "nobody", "c2.csv"), (upload["namespace"], upload["owner"], upload["lookup_file"]));
        Assert.Equal("""[["indicator"],["203.0.113.7"],["10.9.0.0/16"]]""", upload["contents"]);
        Assert.DoesNotContain(server.Requests, r => r.Path.StartsWith(Collection, StringComparison.Ordinal));
    }

    [Fact]
    public async Task QueryAsync_LoopbackSplunkOverTheSampleLog_CoverageAgreesWithTheLocalLogScan()
    {
        // The same conn.log as Splunk's index and as a local log: both SIEMs see the same events in the window.
        var log = SampleFiles.Path("logs", "conn.log");
        var splunk = new FakeSplunk(log);
        _disposables.Add(splunk);
        var window = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero); // samples/demo.json
        var query = new SiemQuery([IPNetwork.Parse("185.220.101.47/32"), IPNetwork.Parse("93.184.216.34/32")], window, window.AddDays(1), QueryPurpose.Hunt);
        var local = await LocalLogTestFiles.QueryAsync(log, query);

        var result = await Siem(splunk.Server, ("Splunk:Token", FakeSplunk.Token)).QueryAsync(query, CancellationToken.None);

        var coverage = result.Coverage!;
        Assert.Equal(("Splunk", local.Coverage!.RecordsInWindow, local.Coverage.RecordsInWindow), (coverage.Source, coverage.RecordsRead, coverage.RecordsInWindow));
        Assert.True(coverage.RecordsInWindow > 0);
        Assert.Equal((window, window.AddDays(1)), (coverage.Earliest, coverage.Latest));
        Assert.Equal(local.Hits.Select(h => (h.Host, h.RemoteIp, h.Connections)).Order(), result.Hits.Select(h => (h.Host, h.RemoteIp, h.Connections)).Order());
    }

    [Fact]
    public async Task QueryAsync_JobWithoutTimesOrCounts_CoverageHasTheSearchedRangeAndNothingScanned()
    {
        var server = Serve((r, response, _) => r.Path switch
        {
            var p when p.EndsWith("/dispatch", StringComparison.Ordinal) => FakeApiServer.Json(response, """{"sid":"s7"}"""),
            "/services/search/jobs/s7" => FakeApiServer.Json(response, """{"entry":[{"content":{"dispatchState":"DONE"}}]}"""),
            "/services/search/jobs/s7/results" => FakeApiServer.Json(response, """{"results":[]}"""),
            _ => FakeApiServer.Json(response, "[]"),
        });

        var result = await Siem(server).QueryAsync(Query(QueryPurpose.Hunt, "203.0.113.7/32"), CancellationToken.None);

        // Nothing said to be scanned is nothing in the window: a gap for the run, not a clean day.
        Assert.Equal(new SiemCoverage("Splunk", 0, 0, 0, 0, From, To, []), result.Coverage! with { Files = [] });
    }

    [Fact]
    public async Task QueryAsync_ExportSearch_ReportsNoCoverage()
    {
        // The export endpoint creates no job: nothing says how many events it read.
        var server = Serve((_, response, _) => FakeApiServer.Json(response,
            """{"preview":false,"lastrow":true,"result":{"src_ip":"10.0.0.5","dest_ip":"203.0.113.7","count":"2"}}"""));

        var result = await Siem(server, ("Splunk:Mode", "Export")).QueryAsync(Query(QueryPurpose.Hunt, "203.0.113.7/32"), CancellationToken.None);

        Assert.Single(result.Hits);
        Assert.Null(result.Coverage);
    }

    [Theory]
    [InlineData("Export", QueryPurpose.Hunt)]
    [InlineData("SavedSearch", QueryPurpose.Pivot)]
    public async Task QueryAsync_AdhocSearch_StreamsExportLinesAndStopsAtLastRow(string mode, QueryPurpose purpose)
    {
        using var release = new SemaphoreSlim(0);
        var server = Serve(async (r, response, stopping) =>
        {
            if (r.Path != "/services/search/jobs/export") { await FakeApiServer.Json(response, "{}", 404); return; }
            response.SendChunked = true;
            response.ContentType = "application/json";
            await FakeApiServer.WriteLine(response, """{"preview":true,"offset":0,"result":{"src_ip":"10.0.0.99","dest_ip":"203.0.113.7","count":"999"}}""");
            await FakeApiServer.WriteLine(response, """{"preview":false,"offset":0,"result":{"src_ip":"10.0.0.5","dest_ip":"203.0.113.7","count":"7","bytes":"70"}}""");
            await FakeApiServer.WriteLine(response, "");
            await FakeApiServer.WriteLine(response, """{"preview":false,"offset":1,"lastrow":true,"result":{"src_ip":"203.0.113.8","dest_ip":"10.0.0.6","count":"1"}}""");
            // The stream stays open: only a reader that acts on each line as it arrives can finish now.
            await release.WaitAsync(stopping);
        });
        var siem = Siem(server, ("Splunk:Mode", mode), ("Splunk:SearchTimeout", "00:00:20"));

        var result = await siem.QueryAsync(Query(purpose, "203.0.113.7/32", "203.0.113.8/32"), CancellationToken.None);

        var export = Assert.Single(server.Requests);
        Assert.Equal($"Bearer {Token}", export.Header("Authorization"));
        var form = export.Form;
        Assert.Equal("json", form["output_mode"]);
        Assert.StartsWith("search ", form["search"], StringComparison.Ordinal);
        Assert.Contains("\"203.0.113.7\", \"203.0.113.8\"", form["search"], StringComparison.Ordinal);
        Assert.Equal(From.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), form["earliest_time"]);
        Assert.Equal(
            [("10.0.0.5", "203.0.113.7", 7L, HitDirection.Outbound), ("10.0.0.6", "203.0.113.8", 1L, HitDirection.Inbound)],
            result.Hits.Select(h => (h.Host, h.RemoteIp, h.Connections, h.Direction)));
        release.Release();
    }

    [Fact]
    public async Task QueryAsync_EpochTimesWithMicroseconds_KeepsThemExactly()
    {
        // Splunk's _time (and min/max of it) keeps the microseconds of the event, as Zeek logs them.
        var server = Serve((_, response, _) => FakeApiServer.Json(response,
            """{"preview":false,"lastrow":true,"result":{"src_ip":"10.0.0.5","dest_ip":"203.0.113.7","first_seen":"1793491200.006028","last_seen":"99999999999999999999"}}"""));

        var result = await Siem(server, ("Splunk:Mode", "Export")).QueryAsync(Query(QueryPurpose.Hunt, "203.0.113.7/32"), CancellationToken.None);

        var hit = Assert.Single(result.Hits);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1793491200).AddTicks(60_280), hit.FirstSeen);
        Assert.Equal(To, hit.LastSeen); // out of range: read as missing, not a crash
    }

    [Fact]
    public async Task QueryAsync_ExportReportsAnError_ThrowsSplunkExceptionWithSplunksMessage()
    {
        var server = Serve((_, response, _) => FakeApiServer.Json(response,
            """{"preview":false,"messages":[{"type":"FATAL","text":"Error in 'search' command: Unable to parse the search"}]}"""));
        var siem = Siem(server, ("Splunk:Mode", "Export"));

        var error = await Assert.ThrowsAsync<SplunkException>(() => siem.QueryAsync(Query(QueryPurpose.Hunt, "203.0.113.7/32"), CancellationToken.None));

        Assert.Contains("Unable to parse the search", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_JobFails_ThrowsSplunkExceptionNamingTheJob()
    {
        var server = Serve((r, response, _) => r.Path switch
        {
            var p when p.EndsWith("/dispatch", StringComparison.Ordinal) => FakeApiServer.Json(response, """{"sid":"s9"}"""),
            "/services/search/jobs/s9" => FakeApiServer.Json(response, """{"entry":[{"content":{"dispatchState":"FAILED","messages":[{"type":"FATAL","text":"lookup table not found"}]}}]}"""),
            _ => FakeApiServer.Json(response, "[]"),
        });

        var error = await Assert.ThrowsAsync<SplunkException>(() => Siem(server).QueryAsync(Query(QueryPurpose.Hunt, "203.0.113.7/32"), CancellationToken.None));

        Assert.Contains("search job s9 failed: lookup table not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_ServerErrorEveryTime_RetriesThenThrowsTypedFailure()
    {
        var server = Serve((_, response, _) => FakeApiServer.Json(response, """{"messages":[]}""", 500));

        var error = await Assert.ThrowsAsync<SplunkException>(() => Siem(server).QueryAsync(Query(QueryPurpose.Hunt, "203.0.113.7/32"), CancellationToken.None));

        Assert.Equal(3, server.Requests.Count); // the first attempt and two retries
        Assert.Contains("clearing KV store collection", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_TooManyRequestsWithRetryAfter_WaitsAndSucceeds()
    {
        var calls = 0;
        var server = Serve((_, response, _) => Interlocked.Increment(ref calls) == 1
            ? FakeApiServer.Json(response, """{"messages":[{"type":"WARN","text":"Too many requests"}]}""", 429, ("Retry-After", "1"))
            : FakeApiServer.Json(response, """{"preview":false,"lastrow":true,"result":{"src_ip":"10.0.0.5","dest_ip":"203.0.113.7"}}"""));

        var result = await Siem(server, ("Splunk:Mode", "Export")).QueryAsync(Query(QueryPurpose.Hunt, "203.0.113.7/32"), CancellationToken.None);

        Assert.Equal(2, calls);
        Assert.Single(result.Hits);
    }

    [Fact]
    public async Task QueryAsync_AnswerSlowerThanTheAttemptTimeout_ThrowsTypedFailureInsteadOfHanging()
    {
        var server = Serve(async (_, response, stopping) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), stopping);
            await FakeApiServer.Json(response, "[]");
        });

        var error = await Assert.ThrowsAsync<SplunkException>(() =>
            Siem(server, FastHttp.For("Splunk", "00:00:00.200")).QueryAsync(Query(QueryPurpose.Hunt, "203.0.113.7/32"), CancellationToken.None));

        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_ExportStreamStallsPastTheSearchTimeout_ThrowsTypedFailure()
    {
        var server = Serve(async (_, response, stopping) =>
        {
            response.SendChunked = true;
            await FakeApiServer.WriteLine(response, """{"preview":false,"result":{"src_ip":"10.0.0.5","dest_ip":"203.0.113.7"}}""");
            await Task.Delay(TimeSpan.FromSeconds(30), stopping);
        });

        var error = await Assert.ThrowsAsync<SplunkException>(() =>
            Siem(server, ("Splunk:Mode", "Export"), ("Splunk:SearchTimeout", "00:00:00.500")).QueryAsync(Query(QueryPurpose.Hunt, "203.0.113.7/32"), CancellationToken.None));

        Assert.Contains("Splunk:SearchTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_MalformedJobStatus_ThrowsTypedFailure()
    {
        var server = Serve((r, response, _) => r.Path.EndsWith("/dispatch", StringComparison.Ordinal)
            ? FakeApiServer.Json(response, """{"sid":"s2"}""")
            : r.Path == "/services/search/jobs/s2" ? FakeApiServer.Json(response, """{"entry":[{"content":{"dispatchSt""") : FakeApiServer.Json(response, "[]"));

        var error = await Assert.ThrowsAsync<SplunkException>(() => Siem(server).QueryAsync(Query(QueryPurpose.Hunt, "203.0.113.7/32"), CancellationToken.None));

        Assert.Contains("waiting for search job s2 failed: answered malformed JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_TokenRefused_ThrowsTypedFailureWithoutTheToken()
    {
        var server = Serve((_, response, _) => FakeApiServer.Json(response, """{"messages":[{"type":"WARN","text":"call not properly authenticated"}]}""", 401));

        var error = await Assert.ThrowsAsync<SplunkException>(() => Siem(server).QueryAsync(Query(QueryPurpose.Hunt, "203.0.113.7/32"), CancellationToken.None));

        Assert.Single(server.Requests);
        Assert.Contains("credentials were refused", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_NoIndicators_AsksSplunkNothing()
    {
        var server = Serve((_, response, _) => FakeApiServer.Json(response, "{}", 500));

        var result = await Siem(server).QueryAsync(new SiemQuery([], From, To, QueryPurpose.Hunt), CancellationToken.None);

        Assert.Empty(result.Hits);
        Assert.Empty(server.Requests);
    }

    internal static SiemQuery Query(QueryPurpose purpose, params string[] indicators) =>
        new(indicators.Select(IPNetwork.Parse).ToList(), From, To, purpose);

    private FakeApiServer Serve(Func<RecordedRequest, HttpListenerResponse, CancellationToken, Task> handler)
    {
        var server = new FakeApiServer(handler);
        _disposables.Add(server);
        return server;
    }

    private ISiem Siem(FakeApiServer server, params (string Key, string? Value)[] settings)
    {
        var provider = new ServiceCollection()
            .AddSplunkSiem(TestConfiguration.From(Settings(server.BaseAddress, settings)))
            .BuildServiceProvider();
        _disposables.Add(provider);
        return provider.GetRequiredService<ISiem>();
    }

    internal static (string Key, string? Value)[] Settings(Uri baseUrl, params (string Key, string? Value)[] overrides) =>
        FastHttp.Merge([("Splunk:BaseUrl", baseUrl.ToString()), ("Splunk:Token", Token), ("Splunk:PollInterval", "00:00:00.010"), .. FastHttp.For("Splunk"), .. overrides]);
}
