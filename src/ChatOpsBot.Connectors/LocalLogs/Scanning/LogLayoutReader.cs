using System.Text;

namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>Works out a file's <see cref="LogLayout"/> from its first bytes.</summary>
internal static class LogLayoutReader
{
    private static readonly string[] ZeekDefaultFields =
        ["ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto", "service", "duration", "orig_bytes", "resp_bytes"];

    /// <param name="head">The start of the file (decompressed).</param>
    /// <param name="complete">Whether <paramref name="head"/> is the whole file.</param>
    /// <param name="configured">The configured format; Auto detects.</param>
    /// <param name="columns">CSV column names.</param>
    /// <param name="layout">The layout, or null when the file cannot be read (then <paramref name="error"/> says why).</param>
    /// <param name="error">Why there is no layout; null for an empty file.</param>
    public static bool TryRead(ReadOnlySpan<byte> head, bool complete, LocalLogFormat configured, CsvColumnOptions columns, out LogLayout? layout, out string? error)
    {
        layout = null;
        error = Binary(head);
        if (error is not null)
        {
            return false;
        }

        var bom = head.StartsWith("\uFEFF"u8) ? 3 : 0;
        var body = head[bom..];
        var firstContent = body.IndexOfAnyExcept("\r\n \t"u8);
        if (firstContent < 0)
        {
            return false; // empty: nothing to scan
        }

        var first = body[firstContent..];
        var nl = first.IndexOf((byte)'\n');
        var firstLine = nl < 0 ? first : first[..nl];
        var format = configured;
        if (format == LocalLogFormat.Auto)
        {
            format = first[0] switch
            {
                (byte)'#' => LocalLogFormat.ZeekTsv,
                (byte)'{' when firstLine.IndexOf("\"event_type\""u8) >= 0 => LocalLogFormat.SuricataEve,
                (byte)'{' => LocalLogFormat.ZeekJson,
                _ => LocalLogFormat.Csv,
            };
        }

        switch (format)
        {
            case LocalLogFormat.ZeekJson:
                return TryReadZeekJson(body, firstLine, bom, out layout, out error);
            case LocalLogFormat.SuricataEve:
                layout = LogLayout.Json(format, bom);
                return true;
            case LocalLogFormat.ZeekTsv:
                return TryReadZeek(head, bom, complete, out layout, out error);
            default:
                return TryReadCsv(head, bom, complete, columns, out layout, out error);
        }
    }

    /// <summary>Why the file is not text at all (another compression, binary data), or null.</summary>
    private static string? Binary(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 4 && head.StartsWith("BZh"u8) && head[3] is >= (byte)'1' and <= (byte)'9')
        {
            return "bzip2-compressed: only gzip (.gz) logs are read";
        }

        if (head.Length >= 6 && head[0] == 0xFD && head[1..].StartsWith("7zXZ\0"u8))
        {
            return "xz-compressed: only gzip (.gz) logs are read";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x28, 0xB5, 0x2F, 0xFD]))
        {
            return "zstd-compressed: only gzip (.gz) logs are read";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return "UTF-16 text: only UTF-8 (or ASCII) logs are read";
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return "a zip archive: only plain or gzip (.gz) logs are read";
        }

        // Text logs never hold NUL bytes; binary files (pcaps, images, executables) almost always do early on.
        return head[..Math.Min(head.Length, 8192)].IndexOf((byte)0) >= 0 ? "binary data (NUL bytes), not a text log" : null;
    }

    private static bool TryReadZeekJson(ReadOnlySpan<byte> body, ReadOnlySpan<byte> firstLine, int bom, out LogLayout? layout, out string? error)
    {
        layout = null;
        error = null;
        // The first records decide: a garbage first line must not hide a good log behind it.
        var sample = body[..Math.Min(body.Length, 64 << 10)];
        var dotted = sample.IndexOf("\"id.orig_h\""u8) >= 0;
        var underscore = !dotted && sample.IndexOf("\"id_orig_h\""u8) >= 0;
        // Records tagged with _path may mix log types in one stream: they are told apart one by one, not by the first.
        var tagged = JsonFields.Value(firstLine, "\"_path\":"u8, out var pathIsString).Length > 0 && pathIsString;
        if (!dotted && !underscore && !tagged)
        {
            error = "JSON lines without id.orig_h/id.resp_h (not a Zeek conn log) and without event_type (not Suricata eve)";
            return false;
        }

        layout = LogLayout.Json(LocalLogFormat.ZeekJson, bom) with { UnderscoreScope = underscore, PathPerRecord = tagged };
        return true;
    }

    private static bool TryReadZeek(ReadOnlySpan<byte> head, int offset, bool complete, out LogLayout? layout, out string? error)
    {
        layout = null;
        error = null;
        byte separator = (byte)'\t';
        string[]? fields = null;
        string? zeekPath = null;
        var sawData = false;
        while (offset < head.Length)
        {
            var rest = head[offset..];
            if (rest[0] != (byte)'#')
            {
                sawData = true;
                break;
            }

            var nl = rest.IndexOf((byte)'\n');
            if (nl < 0 && !complete)
            {
                break;
            }

            var line = TrimCr(nl < 0 ? rest : rest[..nl]);
            if (line.StartsWith("#separator "u8))
            {
                var value = Unescape(Encoding.UTF8.GetString(line["#separator "u8.Length..]));
                if (value.Length != 1 || value[0] > 0x7F || value[0] == '\n')
                {
                    error = $"unsupported #separator '{value}'";
                    return false;
                }

                separator = (byte)value[0];
            }
            else if (line.StartsWith("#fields"u8) && line.Length > 7 && line[7] == separator)
            {
                fields = Encoding.UTF8.GetString(line[8..]).Split((char)separator);
            }
            else if (line.StartsWith("#path"u8) && line.Length > 5 && line[5] == separator)
            {
                zeekPath = Encoding.UTF8.GetString(line[6..]).Trim();
            }

            offset += nl < 0 ? rest.Length : nl + 1;
        }

        if (!sawData && !complete && offset < head.Length)
        {
            error = "the Zeek header is longer than the scan buffer";
            return false;
        }

        fields ??= ZeekDefaultFields;
        var ts = Array.IndexOf(fields, "ts");
        // Log::default_scope_sep="_" writes id_orig_h for id.orig_h.
        var orig = Math.Max(Array.IndexOf(fields, "id.orig_h"), Array.IndexOf(fields, "id_orig_h"));
        var resp = Math.Max(Array.IndexOf(fields, "id.resp_h"), Array.IndexOf(fields, "id_resp_h"));
        if (zeekPath is not null && !zeekPath.Equals(ZeekLogTypes.Connections, StringComparison.OrdinalIgnoreCase))
        {
            // Another log type: the caller leaves it out by design, whatever its fields.
            layout = new LogLayout(LocalLogFormat.ZeekTsv, offset, separator, -1, -1, -1, -1, -1) { ZeekPath = zeekPath };
            return true;
        }

        if (ts < 0 || orig < 0 || resp < 0)
        {
            error = $"the #fields header lacks {string.Join(", ", new[] { ts < 0 ? "ts" : null, orig < 0 ? "id.orig_h" : null, resp < 0 ? "id.resp_h" : null }.OfType<string>())}";
            return false;
        }

        layout = new LogLayout(LocalLogFormat.ZeekTsv, offset, separator, ts, orig, resp,
            Array.IndexOf(fields, "orig_bytes"), Array.IndexOf(fields, "resp_bytes")) { ZeekPath = zeekPath };
        return true;
    }

    private static bool TryReadCsv(ReadOnlySpan<byte> head, int offset, bool complete, CsvColumnOptions columns, out LogLayout? layout, out string? error)
    {
        layout = null;
        error = null;
        var rest = head[offset..];
        var nl = rest.IndexOf((byte)'\n');
        if (nl < 0 && !complete)
        {
            error = "the CSV header row is longer than the scan buffer";
            return false;
        }

        var headerLine = TrimCr(nl < 0 ? rest : rest[..nl]);
        var names = Encoding.UTF8.GetString(headerLine).Split(',').Select(n => n.Trim().Trim('"').Trim()).ToArray();
        int Find(string name) => Array.FindIndex(names, n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase));
        var ts = Find(columns.Timestamp);
        var src = Find(columns.SourceIp);
        var dst = Find(columns.DestinationIp);
        if (ts < 0 || src < 0 || dst < 0)
        {
            error = NoCsvHeader(headerLine, names, columns)
                ?? $"the CSV header has no column '{(ts < 0 ? columns.Timestamp : src < 0 ? columns.SourceIp : columns.DestinationIp)}' (LocalLogs:CsvColumns)";
            return false;
        }

        var bytes = string.IsNullOrWhiteSpace(columns.Bytes) ? -1 : Find(columns.Bytes);
        layout = new LogLayout(LocalLogFormat.Csv, offset + (nl < 0 ? rest.Length : nl + 1), (byte)',', ts, src, dst, bytes, -1);
        return true;
    }

    /// <summary>Says so when the first line is data rather than a header (a log whose header was cut off), else null.</summary>
    private static string? NoCsvHeader(ReadOnlySpan<byte> firstLine, string[] names, CsvColumnOptions columns)
    {
        var tab = firstLine.IndexOf((byte)'\t');
        var firstField = tab >= 0 ? firstLine[..tab] : Encoding.UTF8.GetBytes(names[0]);
        if (!TimestampParser.TryParseAny(firstField, out _))
        {
            return null;
        }

        return tab >= 0
            ? "no header: tab-separated lines without Zeek's #fields header (a Zeek log with its header cut off?)"
            : $"no header row: the first line is data, not column names ({columns.Timestamp}, {columns.SourceIp}, {columns.DestinationIp}; LocalLogs:CsvColumns)";
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) => line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    // Zeek writes the separator escaped, e.g. "\x09".
    private static string Unescape(string value)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 3 < value.Length && value[i + 1] == 'x'
                && int.TryParse(value.AsSpan(i + 2, 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                sb.Append((char)code);
                i += 3;
            }
            else
            {
                sb.Append(value[i]);
            }
        }

        return sb.ToString();
    }
}
