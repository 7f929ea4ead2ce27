using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatOpsBot.Connectors.Tests.TestSupport;

namespace ChatOpsBot.Connectors.Tests.EndToEnd;

/// <summary>
/// Splunk on loopback, backed by a Zeek conn.log as its index: a KV store collection (DELETE clears it,
/// <c>batch_save</c> adds records), the saved search (dispatch → job → paged JSON results) which joins the collection
/// with the index over the dispatched window, and <c>/services/search/jobs/export</c> for ad-hoc searches over the
/// IPs quoted in the search text, streamed as JSON lines. Both searches aggregate like
/// <c>stats count, sum(bytes) AS bytes, min(_time) AS first_seen, max(_time) AS last_seen BY src_ip, dest_ip</c>.
/// </summary>
public sealed partial class FakeSplunk : IDisposable
{
    public const string Token = "splunk-e2e-token-42";
    private const string CollectionPath = "/servicesNS/nobody/search/storage/collections/data/chatopsbot_c2_indicators";
    private const string DispatchPath = "/servicesNS/nobody/search/saved/searches/ChatOpsBot%20C2%20traffic/dispatch";

    private readonly IReadOnlyList<Connection> _index;
    private readonly object _gate = new();
    private readonly List<string> _collection = [];
    private readonly ConcurrentDictionary<string, Job> _jobs = new();
    private int _sequence;

    public FakeSplunk(string connLog)
    {
        _index = ReadConnLog(connLog);
        Server = new FakeApiServer(HandleAsync);
    }

    public FakeApiServer Server { get; }

    /// <summary>Every indicator uploaded through <c>batch_save</c>, in upload order.</summary>
    public List<string> Uploaded { get; } = [];

    /// <summary>The search texts received by the export endpoint.</summary>
    public ConcurrentQueue<string> ExportSearches { get; } = new();

    public void Dispose() => Server.Dispose();

    private async Task HandleAsync(RecordedRequest r, HttpListenerResponse response, CancellationToken stopping)
    {
        if (r.Header("Authorization") != $"Bearer {Token}")
        {
            await FakeApiServer.Json(response, """{"messages":[{"type":"WARN","text":"call not properly authenticated"}]}""", 401);
            return;
        }

        var path = r.Path;
        switch (r.Method)
        {
            case "DELETE" when path == CollectionPath:
                lock (_gate) _collection.Clear();
                await FakeApiServer.Json(response, "", 200);
                return;
            case "POST" when path == CollectionPath + "/batch_save":
                var records = JsonSerializer.Deserialize<List<Dictionary<string, string>>>(r.Body)!;
                lock (_gate)
                {
                    foreach (var record in records)
                    {
                        _collection.Add(record["indicator"]);
                        Uploaded.Add(record["indicator"]);
                    }
                }
                await FakeApiServer.Json(response, JsonSerializer.Serialize(records.Select(rec => rec["_key"])));
                return;
            case "POST" when path == DispatchPath:
                {
                    var form = r.Form;
                    List<string> indicators;
                    lock (_gate) indicators = [.. _collection];
                    var sid = $"scheduler__nobody__search__RMD5c2_at_{Interlocked.Increment(ref _sequence)}";
                    var (earliest, latest) = (Epoch(form["dispatch.earliest_time"]), Epoch(form["dispatch.latest_time"]));
                    var (rows, scanned) = Search(indicators, earliest, latest);
                    _jobs[sid] = new Job(rows, scanned, rows.Sum(r => long.Parse(r["count"], CultureInfo.InvariantCulture)), earliest, latest);
                    await FakeApiServer.Json(response, JsonSerializer.Serialize(new { sid }), 201);
                    return;
                }
            case "POST" when path == "/services/search/jobs/export":
                await ExportAsync(r.Form, response);
                return;
            case "GET":
                var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
                if (parts is ["services", "search", "jobs", var id, ..] && _jobs.TryGetValue(Uri.UnescapeDataString(id), out var job))
                {
                    if (parts.Length == 4)
                    {
                        // A real job runs a while: the first poll sees it running.
                        var state = Interlocked.Increment(ref job.Polls) == 1 ? "RUNNING" : "DONE";
                        // As Splunk's job entry: counts, and the time range searched in ISO 8601 with the server's offset.
                        await FakeApiServer.Json(response, JsonSerializer.Serialize(new
                        {
                            entry = new[]
                            {
                                new
                                {
                                    name = id,
                                    content = new
                                    {
                                        sid = id, dispatchState = state, isDone = state == "DONE", isFailed = false, doneProgress = state == "DONE" ? 1.0 : 0.4,
                                        scanCount = job.Scanned, eventCount = job.Matched, resultCount = job.Rows.Count,
                                        earliestTime = IsoTime(job.Earliest), latestTime = IsoTime(job.Latest), messages = Array.Empty<object>(),
                                    },
                                },
                            },
                        }));
                        return;
                    }

                    if (parts is [.., "results"])
                    {
                        var offset = int.Parse(r.QueryValue("offset") ?? "0", CultureInfo.InvariantCulture);
                        var count = int.Parse(r.QueryValue("count") ?? "100", CultureInfo.InvariantCulture);
                        var page = job.Rows.Skip(offset).Take(count == 0 ? int.MaxValue : count).ToList();
                        await FakeApiServer.Json(response, JsonSerializer.Serialize(new { preview = false, init_offset = offset, results = page }));
                        return;
                    }
                }
                break;
        }

        await FakeApiServer.Json(response, """{"messages":[{"type":"ERROR","text":"Not Found"}]}""", 404);
    }

    private async Task ExportAsync(IReadOnlyDictionary<string, string> form, HttpListenerResponse response)
    {
        var search = form["search"];
        ExportSearches.Enqueue(search);
        var ips = QuotedValue().Matches(search).Select(m => m.Groups[1].Value).Distinct().ToList();
        var (rows, _) = Search(ips, Epoch(form["earliest_time"]), Epoch(form["latest_time"]));
        response.SendChunked = true;
        response.ContentType = "application/json";
        for (var i = 0; i < rows.Count; i++)
        {
            var line = i == rows.Count - 1
                ? JsonSerializer.Serialize(new { preview = false, offset = i, lastrow = true, result = rows[i] })
                : JsonSerializer.Serialize(new { preview = false, offset = i, result = rows[i] });
            await FakeApiServer.WriteLine(response, line);
        }
        response.Close();
    }

    /// <summary>The index joined with the indicators over [earliest, latest), aggregated BY src_ip, dest_ip.</summary>
    private (List<Dictionary<string, string>> Rows, long Scanned) Search(IReadOnlyCollection<string> indicators, decimal earliest, decimal latest)
    {
        var networks = indicators.Select(i => IPNetwork.Parse(i.Contains('/', StringComparison.Ordinal) ? i : i + (i.Contains(':', StringComparison.Ordinal) ? "/128" : "/32"))).ToList();
        var inWindow = _index.Where(c => c.Time >= earliest && c.Time < latest).ToList();
        var rows = inWindow
            .Where(c => networks.Any(n => n.Contains(c.Source)) || networks.Any(n => n.Contains(c.Destination)))
            .GroupBy(c => (Src: c.Source.ToString(), Dest: c.Destination.ToString()))
            .OrderBy(g => g.Key.Src, StringComparer.Ordinal).ThenBy(g => g.Key.Dest, StringComparer.Ordinal)
            .Select(g => new Dictionary<string, string>
            {
                ["src_ip"] = g.Key.Src,
                ["dest_ip"] = g.Key.Dest,
                ["count"] = g.Count().ToString(CultureInfo.InvariantCulture),
                ["bytes"] = g.Sum(c => c.Bytes).ToString(CultureInfo.InvariantCulture),
                ["first_seen"] = g.Min(c => c.Time).ToString("0.000000", CultureInfo.InvariantCulture),
                ["last_seen"] = g.Max(c => c.Time).ToString("0.000000", CultureInfo.InvariantCulture),
            })
            .ToList();
        return (rows, inWindow.Count);
    }

    private static decimal Epoch(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Splunk writes job times in the server's time zone, here UTC+1.</summary>
    private static string IsoTime(decimal epoch) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(epoch * 1000)).ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private sealed record Connection(decimal Time, IPAddress Source, IPAddress Destination, long Bytes);

    private sealed class Job(List<Dictionary<string, string>> rows, long scanned, long matched, decimal earliest, decimal latest)
    {
        public int Polls;
        public List<Dictionary<string, string>> Rows { get; } = rows;
        public long Scanned { get; } = scanned;
        public long Matched { get; } = matched;
        public decimal Earliest { get; } = earliest;
        public decimal Latest { get; } = latest;
    }

    /// <summary>A tiny Zeek conn.log TSV reader: ts, id.orig_h, id.resp_h, orig_bytes + resp_bytes ('-' counts as 0).</summary>
    private static List<Connection> ReadConnLog(string path)
    {
        string[] fields = [];
        var connections = new List<Connection>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("#fields\t", StringComparison.Ordinal)) fields = line.Split('\t')[1..];
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var c = line.Split('\t');
            string F(string name) => c[Array.IndexOf(fields, name)];
            long N(string name) => long.TryParse(F(name), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
            connections.Add(new Connection(decimal.Parse(F("ts"), CultureInfo.InvariantCulture), IPAddress.Parse(F("id.orig_h")), IPAddress.Parse(F("id.resp_h")),
                N("orig_bytes") + N("resp_bytes")));
        }
        return connections;
    }

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex QuotedValue();
}
