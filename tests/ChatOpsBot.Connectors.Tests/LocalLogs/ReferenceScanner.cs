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
    public static SiemResult Scan(IEnumerable<string> files, SiemQuery query, LocalLogFormat format = LocalLogFormat.Auto, CsvColumnOptions? columns = null)
    {
        columns ??= new CsvColumnOptions();
        var hits = new Dictionary<(string Host, string Remote), (DateTimeOffset First, DateTimeOffset Last, long Count, long Bytes, bool Out, bool In)>();
        long records = 0;
        foreach (var file in files)
        {
            var text = ReadAll(file);
            var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            if (lines.Count > 0 && lines[^1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            var firstContent = lines.FirstOrDefault(l => l.Trim().Length > 0);
            if (firstContent is null)
            {
                continue;
            }

            var fileFormat = format != LocalLogFormat.Auto ? format
                : firstContent.TrimStart().StartsWith('#') ? LocalLogFormat.ZeekTsv
                : firstContent.TrimStart().StartsWith('{') ? (firstContent.Contains("\"event_type\"", StringComparison.Ordinal) ? LocalLogFormat.SuricataEve : LocalLogFormat.ZeekJson)
                : LocalLogFormat.Csv;
            foreach (var record in Records(lines, fileFormat, columns))
            {
                records++;
                if (record is not { } r || r.Time < query.From || r.Time >= query.To)
                {
                    continue;
                }

                void Add(IPAddress host, IPAddress remote, bool outbound)
                {
                    var key = (host.ToString(), remote.ToString());
                    hits[key] = hits.TryGetValue(key, out var e)
                        ? (r.Time < e.First ? r.Time : e.First, r.Time > e.Last ? r.Time : e.Last, e.Count + 1, e.Bytes + r.Bytes, e.Out || outbound, e.In || !outbound)
                        : (r.Time, r.Time, 1, r.Bytes, outbound, !outbound);
                }

                if (query.Indicators.Any(n => n.Contains(r.Destination)))
                {
                    Add(r.Source, r.Destination, true);
                }

                if (query.Indicators.Any(n => n.Contains(r.Source)))
                {
                    Add(r.Destination, r.Source, false);
                }
            }
        }

        var list = hits.Select(h => new C2Hit(h.Key.Host, h.Key.Remote, h.Value.First, h.Value.Last, h.Value.Count, h.Value.Bytes,
                h.Value.Out && h.Value.In ? HitDirection.Both : h.Value.Out ? HitDirection.Outbound : HitDirection.Inbound))
            .OrderBy(h => h.RemoteIp, StringComparer.Ordinal).ThenBy(h => h.Host, StringComparer.Ordinal).ToList();
        return new SiemResult(list, records);
    }

    private sealed record Connection(DateTimeOffset Time, IPAddress Source, IPAddress Destination, long Bytes);

    /// <summary>One entry per record line: the connection, or null when malformed or not a connection event.</summary>
    private static IEnumerable<Connection?> Records(List<string> lines, LocalLogFormat format, CsvColumnOptions columns)
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

                    int ts = Array.IndexOf(fields, "ts"), o = Array.IndexOf(fields, "id.orig_h"), r = Array.IndexOf(fields, "id.resp_h");
                    int ob = Array.IndexOf(fields, "orig_bytes"), rb = Array.IndexOf(fields, "resp_bytes");
                    foreach (var line in lines.Skip(i).Where(l => l.Length > 0 && !l.StartsWith('#')))
                    {
                        var c = line.Split(separator);
                        if (c.Length <= Math.Max(ts, Math.Max(o, r)) || !TryEpoch(c[ts], out var time) || !TryIp(c[o], out var src) || !TryIp(c[r], out var dst))
                        {
                            yield return null;
                            continue;
                        }

                        yield return new Connection(time, src, dst, Count(c, ob) + Count(c, rb));
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
                        var c = line.Split(',');
                        if (c.Length <= Math.Max(ts, Math.Max(o, r)) || !TryAnyTime(c[ts], out var time) || !TryIp(c[o], out var src) || !TryIp(c[r], out var dst))
                        {
                            yield return null;
                            continue;
                        }

                        yield return new Connection(time, src, dst, Count(c, b));
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

    private static Connection? ParseJson(string line, bool eve)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            long Num(JsonElement e, string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt64(out var v) ? v : 0;
            DateTimeOffset time;
            IPAddress? src, dst;
            long bytes;
            if (eve)
            {
                var type = Str(root, "event_type");
                if (type is not ("flow" or "alert") || !TryIso(Str(root, "timestamp") ?? "", out time)
                    || !TryIp(Str(root, "src_ip") ?? "", out src) || !TryIp(Str(root, "dest_ip") ?? "", out dst))
                {
                    return null;
                }

                bytes = root.TryGetProperty("flow", out var flow) && flow.ValueKind == JsonValueKind.Object ? Num(flow, "bytes_toserver") + Num(flow, "bytes_toclient") : 0;
            }
            else
            {
                if (!root.TryGetProperty("ts", out var ts))
                {
                    return null;
                }

                var ok = ts.ValueKind == JsonValueKind.String ? TryIso(ts.GetString()!, out time) : TryEpoch(ts.GetRawText(), out time);
                if (!ok || !TryIp(Str(root, "id.orig_h") ?? "", out src) || !TryIp(Str(root, "id.resp_h") ?? "", out dst))
                {
                    return null;
                }

                bytes = Num(root, "orig_bytes") + Num(root, "resp_bytes");
            }

            return new Connection(time, src, dst, bytes);
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
