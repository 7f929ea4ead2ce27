using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatOpsBot.Connectors.LocalLogs;
using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Connectors.Tests.LocalLogs;

/// <summary>
/// The deliberately plain version of the scanner: strings, Split, JsonDocument, IPAddress and a linear scan
/// over IPNetwork.Contains. Tests compare the fast scanner against it.
/// </summary>
internal static partial class ReferenceScanner
{
    /// <summary>Zeek logs the reference knows to be other types than conn (by file stem or #path).</summary>
    private static readonly HashSet<string> OtherZeekLogs = ["http", "dns", "ssh", "ssl", "files", "x509", "weird", "notice", "conn_long", "rdp"];

    /// <summary>The hits and the coverage (file problems not modelled: <see cref="SiemCoverage.Files"/> stays empty).</summary>
    public static SiemResult Scan(IEnumerable<string> files, SiemQuery query, LocalLogFormat format = LocalLogFormat.Auto, CsvColumnOptions? columns = null)
    {
        columns ??= new CsvColumnOptions();
        var hits = new Dictionary<(string Host, string Remote), Aggregate>();
        long records = 0, inWindow = 0, malformed = 0;
        var filesRead = 0;
        DateTimeOffset? earliest = null, latest = null;
        foreach (var file in files)
        {
            var stem = Path.GetFileName(file).Split('.')[0];
            if (format is LocalLogFormat.Auto or LocalLogFormat.ZeekTsv or LocalLogFormat.ZeekJson && OtherZeekLogs.Contains(stem))
            {
                continue;
            }

            var text = ReadAll(file);
            var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            if (lines.Count > 0 && lines[^1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            var firstContent = lines.FirstOrDefault(l => l.Trim().Length > 0);
            if (firstContent is null)
            {
                filesRead++;
                continue;
            }

            var fileFormat = format != LocalLogFormat.Auto ? format
                : firstContent.TrimStart().StartsWith('#') ? LocalLogFormat.ZeekTsv
                : firstContent.TrimStart().StartsWith('{') ? (firstContent.Contains("\"event_type\"", StringComparison.Ordinal) ? LocalLogFormat.SuricataEve : LocalLogFormat.ZeekJson)
                : LocalLogFormat.Csv;
            var path = lines.FirstOrDefault(l => l.StartsWith("#path\t", StringComparison.Ordinal))?["#path\t".Length..];
            if (fileFormat == LocalLogFormat.ZeekTsv && path is not null && path != "conn")
            {
                continue;
            }

            filesRead++;
            foreach (var record in Records(lines, fileFormat, columns))
            {
                records++;
                if (record.Time is not { } time)
                {
                    malformed += record.Bad ? 1 : 0;
                    continue;
                }

                earliest = earliest is null || time < earliest ? time : earliest;
                latest = latest is null || time > latest ? time : latest;
                if (time < query.From || time >= query.To)
                {
                    malformed += record.Bad ? 1 : 0;
                    continue;
                }

                inWindow++;
                if (record.Bad || record.BadInWindow)
                {
                    malformed++;
                    continue;
                }

                if (record.Connection is not { } r)
                {
                    continue;
                }

                // A Suricata alert on a server-to-client packet names the server as its source.
                var (src, dst) = r.ToClient ? (r.Destination, r.Source) : (r.Source, r.Destination);
                void Add(IPAddress host, IPAddress remote, bool outbound)
                {
                    var key = (host.ToString(), remote.ToString());
                    if (!hits.TryGetValue(key, out var e))
                    {
                        hits[key] = e = new Aggregate { First = time, Last = time };
                    }

                    e.First = time < e.First ? time : e.First;
                    e.Last = time > e.Last ? time : e.Last;
                    e.Out |= outbound;
                    e.In |= !outbound;
                    if (r.Signature is not null)
                    {
                        e.Signatures.Add(r.Signature);
                    }

                    if (r.FlowId is not { } flow)
                    {
                        e.Count++;
                        e.Bytes += r.Bytes;
                        return;
                    }

                    var f = e.Flows.TryGetValue(flow, out var known) ? known : (HasFlow: false, FlowBytes: 0L, AlertBytes: 0L);
                    e.Flows[flow] = r.IsFlow ? (true, r.Bytes, f.AlertBytes) : (f.HasFlow, f.FlowBytes, Math.Max(f.AlertBytes, r.Bytes));
                }

                if (query.Indicators.Any(n => n.Contains(dst)))
                {
                    Add(src, dst, true);
                }

                if (query.Indicators.Any(n => n.Contains(src)))
                {
                    Add(dst, src, false);
                }
            }
        }

        var list = hits.Select(h => new C2Hit(h.Key.Host, h.Key.Remote, h.Value.First, h.Value.Last,
                    h.Value.Count + h.Value.Flows.Count,
                    h.Value.Bytes + h.Value.Flows.Values.Sum(f => f.HasFlow ? f.FlowBytes : f.AlertBytes),
                    h.Value.Out && h.Value.In ? HitDirection.Both : h.Value.Out ? HitDirection.Outbound : HitDirection.Inbound)
                {
                    Evidence = h.Value.Signatures.Count == 0 ? null
                        : "Suricata alerts: " + string.Join("; ", h.Value.Signatures.Take(10)) + (h.Value.Signatures.Count > 10 ? $"; and {h.Value.Signatures.Count - 10} more" : ""),
                })
            .OrderBy(h => h.RemoteIp, StringComparer.Ordinal).ThenBy(h => h.Host, StringComparer.Ordinal).ToList();
        return new SiemResult(list, records)
        {
            Coverage = new SiemCoverage("local logs", filesRead, records, inWindow, malformed, earliest, latest, []),
        };
    }

    /// <summary>
    /// Asserts that the fast scanner's coverage agrees: counts exactly; times within the second the TSV fast path
    /// rounds down to.
    /// </summary>
    public static void AssertSameCoverage(SiemResult expected, SiemResult actual)
    {
        var e = expected.Coverage!;
        var a = actual.Coverage!;
        Assert.Equal((e.FilesRead, e.RecordsRead, e.RecordsInWindow, e.MalformedRecords), (a.FilesRead, a.RecordsRead, a.RecordsInWindow, a.MalformedRecords));
        Assert.Equal(e.Earliest is null, a.Earliest is null);
        Assert.Equal(e.Latest is null, a.Latest is null);
        if (e.Earliest is { } earliest)
        {
            Assert.InRange(a.Earliest!.Value, earliest.AddSeconds(-1), earliest);
            Assert.InRange(a.Latest!.Value, e.Latest!.Value.AddSeconds(-1), e.Latest.Value);
        }
    }

    private sealed class Aggregate
    {
        public DateTimeOffset First;
        public DateTimeOffset Last;
        public long Count;
        public long Bytes;
        public bool Out;
        public bool In;
        public SortedSet<string> Signatures { get; } = new(StringComparer.Ordinal);
        public Dictionary<long, (bool HasFlow, long FlowBytes, long AlertBytes)> Flows { get; } = [];
    }

    private sealed record Connection(IPAddress Source, IPAddress Destination, long Bytes, long? FlowId = null, bool IsFlow = false, string? Signature = null, bool ToClient = false);

    /// <summary>
    /// One record line: its timestamp when it has one that parses; malformed whatever the window (<see cref="Bad"/>),
    /// or only when inside it, where the scanner reads the line's other fields (<see cref="BadInWindow"/>); the
    /// connection when it is one.
    /// </summary>
    private sealed record Line(DateTimeOffset? Time, bool Bad, bool BadInWindow, Connection? Connection)
    {
        public static readonly Line Malformed = new(null, true, false, null);
    }

    /// <summary>One entry per record line.</summary>
    private static IEnumerable<Line> Records(List<string> lines, LocalLogFormat format, CsvColumnOptions columns)
    {
        switch (format)
        {
            case LocalLogFormat.ZeekTsv:
                {
                    var separator = '\t';
                    var fields = new[] { "ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto", "service", "duration", "orig_bytes", "resp_bytes" };
                    var i = 0;
                    for (; i < lines.Count && lines[i].StartsWith('#'); i++)
                    {
                        if (lines[i].StartsWith("#separator ", StringComparison.Ordinal))
                        {
                            separator = (char)Convert.ToInt32(lines[i]["#separator \\x".Length..], 16);
                        }
                        else if (lines[i].StartsWith("#fields" + separator, StringComparison.Ordinal))
                        {
                            fields = lines[i].Split(separator)[1..];
                        }
                    }

                    int ts = Array.IndexOf(fields, "ts"), ob = Array.IndexOf(fields, "orig_bytes"), rb = Array.IndexOf(fields, "resp_bytes");
                    var o = Math.Max(Array.IndexOf(fields, "id.orig_h"), Array.IndexOf(fields, "id_orig_h"));
                    var r = Math.Max(Array.IndexOf(fields, "id.resp_h"), Array.IndexOf(fields, "id_resp_h"));
                    foreach (var line in lines.Skip(i).Where(l => l.Length > 0 && !l.StartsWith('#')))
                    {
                        yield return Columns(line.Split(separator), ts, o, r, TryEpoch, c => Count(c, ob) + Count(c, rb));
                    }

                    break;
                }

            case LocalLogFormat.Csv:
                {
                    var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
                    int Find(string name) => Array.FindIndex(header, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
                    int ts = Find(columns.Timestamp), o = Find(columns.SourceIp), r = Find(columns.DestinationIp), b = Find(columns.Bytes);
                    foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
                    {
                        yield return Columns(line.Split(','), ts, o, r, TryAnyTime, c => Count(c, b));
                    }

                    break;
                }

            default:
                foreach (var line in lines.Where(l => l.Trim().Length > 0))
                {
                    yield return ParseJson(line, format == LocalLogFormat.SuricataEve);
                }

                break;
        }
    }

    private delegate bool TimeParser(string text, out DateTimeOffset time);

    /// <summary>A separated line read like the scanner: the window decided at the timestamp, the other fields read only inside it.</summary>
    private static Line Columns(string[] c, int ts, int o, int r, TimeParser parseTime, Func<string[], long> bytes)
    {
        if (c.Length <= ts || !parseTime(c[ts], out var time))
        {
            return Line.Malformed;
        }

        if (c.Length <= Math.Max(o, r) || !TryIp(c[o], out var src) || !TryIp(c[r], out var dst))
        {
            return new Line(time, false, true, null);
        }

        return new Line(time, false, false, new Connection(src, dst, bytes(c)));
    }

    private static Line ParseJson(string line, bool eve)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return Line.Malformed;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Line.Malformed;
            }

            string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            long Num(JsonElement e, string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt64(out var v) ? v : 0;
            if (eve)
            {
                var type = Str(root, "event_type");
                var timed = TryIso(Str(root, "timestamp") ?? "", out var time);
                if (type is not ("flow" or "alert"))
                {
                    // Other events date the data but are no connections; one without an event type is malformed.
                    return new Line(timed ? time : null, string.IsNullOrEmpty(type), false, null);
                }

                if (!timed)
                {
                    return Line.Malformed;
                }

                if (!TryIp(Str(root, "src_ip") ?? "", out var src) || !TryIp(Str(root, "dest_ip") ?? "", out var dst))
                {
                    return new Line(time, false, true, null);
                }

                var bytes = root.TryGetProperty("flow", out var flow) && flow.ValueKind == JsonValueKind.Object ? Num(flow, "bytes_toserver") + Num(flow, "bytes_toclient") : 0;
                long? flowId = root.TryGetProperty("flow_id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetInt64() : null;
                var signature = type == "alert" && root.TryGetProperty("alert", out var alert) && alert.ValueKind == JsonValueKind.Object ? Str(alert, "signature") : null;
                return new Line(time, false, false, new Connection(src, dst, bytes, flowId, type == "flow", signature, type == "alert" && Str(root, "direction") == "to_client"));
            }

            if (Str(root, "_path") is { } path && path != "conn")
            {
                return new Line(null, false, false, null); // another Zeek log in the same stream
            }

            if (!root.TryGetProperty("ts", out var ts))
            {
                return Line.Malformed;
            }

            var ok = ts.ValueKind == JsonValueKind.String ? TryIso(ts.GetString()!, out var at) : TryEpoch(ts.GetRawText(), out at);
            if (!ok)
            {
                return Line.Malformed;
            }

            var orig = Str(root, "id.orig_h") ?? Str(root, "id_orig_h") ?? "";
            var resp = Str(root, "id.resp_h") ?? Str(root, "id_resp_h") ?? "";
            if (!TryIp(orig, out var source) || !TryIp(resp, out var destination))
            {
                return new Line(at, false, true, null);
            }

            return new Line(at, false, false, new Connection(source, destination, Num(root, "orig_bytes") + Num(root, "resp_bytes")));
        }
    }

    private static string ReadAll(string file)
    {
        using var stream = File.OpenRead(file);
        var magic = new byte[2];
        var isGzip = stream.Read(magic, 0, 2) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
        stream.Position = 0;
        using Stream source = isGzip ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(source, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static long Count(string[] columns, int index) =>
        index >= 0 && index < columns.Length && long.TryParse(columns[index], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static bool TryIp(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        if (DottedQuad().IsMatch(text))
        {
            var parts = text.Split('.').Select(int.Parse).ToArray();
            if (parts.Any(p => p > 255))
            {
                return false;
            }

            address = new IPAddress(parts.Select(p => (byte)p).ToArray());
            return true;
        }

        return text.Contains(':', StringComparison.Ordinal) && !text.Contains('%', StringComparison.Ordinal) && !text.Contains('[', StringComparison.Ordinal)
            && IPAddress.TryParse(text, out address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
    }

    private static bool TryAnyTime(string text, out DateTimeOffset time) =>
        text.Length >= 19 && text[4] == '-' ? TryIso(text, out time) : TryEpoch(text, out time);

    private static bool TryEpoch(string text, out DateTimeOffset time)
    {
        time = default;
        if (!EpochPattern().IsMatch(text))
        {
            return false;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var seconds = long.Parse(dot < 0 ? text : text[..dot], CultureInfo.InvariantCulture);
        var fraction = dot < 0 ? "0" : text[(dot + 1)..];
        var ticks = long.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
        time = DateTimeOffset.UnixEpoch.AddSeconds(seconds).AddTicks(ticks);
        return true;
    }

    private static bool TryIso(string text, out DateTimeOffset time)
    {
        time = default;
        var m = IsoPattern().Match(text);
        if (!m.Success)
        {
            return false;
        }

        var offset = TimeSpan.Zero;
        var zone = m.Groups[8].Value;
        if (zone.Length > 1)
        {
            var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
            offset = new TimeSpan(int.Parse(digits[..2], CultureInfo.InvariantCulture), digits.Length > 2 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0, 0);
            if (zone[0] == '-')
            {
                offset = -offset;
            }
        }

        int G(int i) => int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture);
        var fraction = m.Groups[7].Success ? long.Parse(m.Groups[7].Value.PadRight(7, '0')[..7], CultureInfo.InvariantCulture) : 0;
        try
        {
            time = new DateTimeOffset(G(1), G(2), G(3), G(4), G(5), G(6), offset).AddTicks(fraction).ToUniversalTime();
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$")]
    private static partial Regex DottedQuad();

    [GeneratedRegex(@"^\d{1,12}(\.\d+)?$")]
    private static partial Regex EpochPattern();

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|z|[+-]\d{2}(?::?\d{2})?)?$")]
    private static partial Regex IsoPattern();
}
