using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using ChatOpsBot.Connectors.LocalLogs;

namespace ChatOpsBot.Connectors.Tests.LocalLogs;

/// <summary>Small random connection logs in every format, with indicators (addresses and CIDRs, v4 and v6) that some lines hit.</summary>
internal sealed class SyntheticLog
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Random _random;
    private readonly string[] _hosts;
    private readonly string[] _remotes;

    public SyntheticLog(int seed, int lines)
    {
        _random = new Random(seed);
        _hosts = [.. Enumerable.Range(1, 12).Select(i => $"10.0.{i % 3}.{i}"), "fd00::1", "fd00::2:3"];
        var remotes = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            remotes.Add($"{_random.Next(1, 224)}.{_random.Next(256)}.{_random.Next(256)}.{_random.Next(256)}");
        }

        remotes.AddRange(Enumerable.Range(0, 8).Select(i => $"198.51.100.{_random.Next(256)}")); // inside the /24 indicator
        remotes.AddRange(Enumerable.Range(0, 8).Select(i => $"2001:db8:1:{_random.Next(65536):x}::{_random.Next(65536):x}")); // inside the /48
        remotes.AddRange(Enumerable.Range(0, 8).Select(i => $"2a00:{_random.Next(65536):x}::{_random.Next(1, 65536):x}"));
        _remotes = [.. remotes];
        var exact = _remotes.Where((_, i) => i % 5 == 0).Select(r => IPNetwork.Parse(r + (r.Contains(':') ? "/128" : "/32")));
        Indicators = [.. exact, IPNetwork.Parse("198.51.100.0/24"), IPNetwork.Parse("2001:db8:1::/48"), IPNetwork.Parse("203.0.113.7/32")];
        for (var i = 0; i < lines; i++)
        {
            var ticks = Start.UtcTicks + ((long)_random.Next(0, 86_400_000) * 10_000) + (_random.Next(1000) * 10);
            var outbound = _random.Next(10) < 8;
            var host = _hosts[_random.Next(_hosts.Length)];
            var remote = _random.Next(40) == 0 ? "203.0.113.7" : _remotes[_random.Next(_remotes.Length)];
            long? origBytes = _random.Next(6) == 0 ? null : _random.Next(100_000);
            long? respBytes = _random.Next(6) == 0 ? null : _random.Next(100_000);
            Records.Add(outbound
                ? new Record(ticks, host, remote, origBytes, respBytes, _random.Next(30) == 0)
                : new Record(ticks, remote, host, origBytes, respBytes, _random.Next(30) == 0));
        }
    }

    public List<IPNetwork> Indicators { get; }

    public List<Record> Records { get; } = [];

    /// <summary>A window whose bounds are timestamps of records, so boundary handling matters.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Window()
    {
        var a = Records[_random.Next(Records.Count)].Ticks;
        var b = Records[_random.Next(Records.Count)].Ticks;
        return (new DateTimeOffset(Math.Min(a, b), TimeSpan.Zero), new DateTimeOffset(Math.Max(a, b), TimeSpan.Zero));
    }

    public string Write(string path, LocalLogFormat format, bool gzip = false, bool garbage = true)
    {
        var sb = new StringBuilder();
        switch (format)
        {
            case LocalLogFormat.ZeekTsv:
                sb.Append("#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n#open\t2026-01-01-00-00-00\n");
                sb.Append("#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state\ttunnel_parents\n");
                sb.Append("#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\tset[string]\n");
                break;
            case LocalLogFormat.Csv:
                sb.Append("ts,src_ip,dest_ip,bytes,proto\n");
                break;
        }

        for (var i = 0; i < Records.Count; i++)
        {
            var r = Records[i];
            if (garbage && r.Garbage)
            {
                sb.Append(Garbage(format)).Append('\n');
                continue;
            }

            sb.Append(Render(r, format, i)).Append('\n');
        }

        if (format == LocalLogFormat.ZeekTsv)
        {
            sb.Append("#close\t2026-01-02-00-00-00\n");
        }

        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (gzip)
        {
            using var file = File.Create(path);
            using var zip = new GZipStream(file, CompressionLevel.Fastest);
            zip.Write(bytes);
        }
        else
        {
            File.WriteAllBytes(path, bytes);
        }

        return path;
    }

    private string Render(Record r, LocalLogFormat format, int i)
    {
        var epoch = Epoch(r.Ticks);
        var iso = new DateTimeOffset(r.Ticks, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        var uid = $"C{i:x8}AbCdEf";
        return format switch
        {
            LocalLogFormat.ZeekTsv =>
                $"{epoch}\t{uid}\t{r.Source}\t{40000 + (i % 20000)}\t{r.Destination}\t443\ttcp\t-\t0.5\t{Dash(r.OrigBytes)}\t{Dash(r.RespBytes)}\tSF\t(empty)",
            LocalLogFormat.ZeekJson =>
                $"{{\"ts\":{(i % 4 == 0 ? $"\"{iso}Z\"" : epoch)},\"uid\":\"{uid}\",\"id.orig_h\":\"{r.Source}\",\"id.orig_p\":40000,\"id.resp_h\":\"{r.Destination}\",\"id.resp_p\":443,\"proto\":\"tcp\"{Json("orig_bytes", r.OrigBytes)}{Json("resp_bytes", r.RespBytes)},\"conn_state\":\"SF\"}}",
            LocalLogFormat.SuricataEve => (i % 7) switch
            {
                0 => $"{{\"timestamp\":\"{iso}+0000\",\"flow_id\":{i},\"event_type\":\"dns\",\"src_ip\":\"{r.Source}\",\"dest_ip\":\"{r.Destination}\",\"dns\":{{\"type\":\"query\"}}}}",
                1 => Alert(r, iso, i, toClient: false),
                2 => Flow(r, iso, flowId: null),
                // One flow, two events: an alert (a to-client one names the server as its source) and the flow's record.
                3 => Alert(r, iso, i, toClient: false) + "\n" + Flow(r, iso, i),
                4 => Alert(r, iso, i, toClient: true) + "\n" + Flow(r, iso, i),
                _ => Flow(r, iso, i),
            },
            _ => $"{(i % 3 == 0 ? iso.Replace('T', ' ') : epoch)},{r.Source},{r.Destination},{r.OrigBytes ?? 0},TCP",
        };
    }

    private static string Flow(Record r, string iso, int? flowId) =>
        $"{{\"timestamp\":\"{iso}+0000\",{(flowId is { } id ? $"\"flow_id\":{id}," : "")}\"in_iface\":\"eth0\",\"event_type\":\"flow\",\"src_ip\":\"{r.Source}\",\"src_port\":1234,\"dest_ip\":\"{r.Destination}\",\"dest_port\":443,\"proto\":\"TCP\",\"flow\":{{\"pkts_toserver\":3{Json("bytes_toserver", r.OrigBytes)}{Json("bytes_toclient", r.RespBytes)},\"start\":\"{iso}+0000\",\"state\":\"closed\"}}}}";

    /// <summary>An alert of the record's flow, reporting half its bytes (the flow so far).</summary>
    private static string Alert(Record r, string iso, int flowId, bool toClient) =>
        $"{{\"timestamp\":\"{iso}+0000\",\"flow_id\":{flowId},\"event_type\":\"alert\",\"src_ip\":\"{(toClient ? r.Destination : r.Source)}\",\"src_port\":1234,\"dest_ip\":\"{(toClient ? r.Source : r.Destination)}\",\"dest_port\":443,\"proto\":\"TCP\",\"direction\":\"{(toClient ? "to_client" : "to_server")}\","
        + $"\"alert\":{{\"action\":\"allowed\",\"signature_id\":2000{flowId % 4},\"signature\":\"ET CNC test \\\"{flowId % 4}\\\"\",\"severity\":1}},\"flow\":{{\"pkts_toserver\":3{Json("bytes_toserver", r.OrigBytes / 2)}{Json("bytes_toclient", r.RespBytes / 2)},\"start\":\"{iso}+0000\"}}}}";

    private string Garbage(LocalLogFormat format) => _random.Next(4) switch
    {
        0 => "garbage without structure",
        1 => format == LocalLogFormat.ZeekTsv ? "1767225600.000000\tCxyz\tnot-an-ip\t1\t1.2.3.4" : "{\"ts\":\"yesterday\"",
        2 => format == LocalLogFormat.Csv ? "1767225600,10.0.0.1" : "1767225600.5\tC\t10.0.0.1",
        _ => "{\"timestamp\":\"2026-13-45T99:00:00+0000\",\"event_type\":\"flow\",\"src_ip\":\"1.2.3.4\",\"dest_ip\":\"999.1.1.1\"}",
    };

    private static string Epoch(long ticks)
    {
        var t = ticks - DateTime.UnixEpoch.Ticks;
        return $"{t / TimeSpan.TicksPerSecond}.{t % TimeSpan.TicksPerSecond / 10:D6}";
    }

    private static string Dash(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Json(string name, long? value) => value is { } v ? $",\"{name}\":{v}" : "";

    internal sealed record Record(long Ticks, string Source, string Destination, long? OrigBytes, long? RespBytes, bool Garbage);
}
