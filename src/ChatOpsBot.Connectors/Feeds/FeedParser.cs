using ChatOpsBot.Core.Feeds;
using System.Text;
using CsvHelper;

namespace ChatOpsBot.Connectors.Feeds;

/// <summary>
/// Recognises the feed format from its first lines and extracts indicators, one line at a time.
/// </summary>
/// <remarks>
/// Detection: content that is no text list at all (binary, an HTML page) is refused; a JSON array is abuse.ch's JSON
/// blocklist; a header naming <c>dst_ip</c> or <c>DstIP</c> (commented out, as abuse.ch ships it, or not) means
/// Feodo CSV; otherwise a comma in the first data line means Bambenek; otherwise a plain list.
/// </remarks>
internal static class FeedParser
{
    /// <summary>Characters looked at before any line is parsed, to refuse what is no feed at all.</summary>
    private const int SniffLength = 4096;

    /// <exception cref="FeedFormatException">The content is no IOC list in any known layout.</exception>
    public static async Task<FeedResult> ParseAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var head = new char[SniffLength];
        var n = await reader.ReadBlockAsync(head.AsMemory(), cancellationToken);
        var sample = head.AsSpan(0, n);
        if (NotAList(sample) is { } reason)
        {
            throw new FeedFormatException(reason);
        }

        using var text = new PrefixedTextReader(new string(sample), reader);
        var first = sample.TrimStart("\uFEFF \t\r\n");
        if (!first.IsEmpty && first[0] is '[' or '{')
        {
            return await FeedJsonParser.ParseAsync(text, cancellationToken);
        }

        return await ParseLinesAsync(text, cancellationToken);
    }

    /// <summary>Why the start of the feed shows it is no text list of indicators, or null when it may be one.</summary>
    private static string? NotAList(ReadOnlySpan<char> sample)
    {
        // Text feeds hold no NUL and next to no control characters; gzip, zip, images and executables hold many
        // (and bytes that are not UTF-8, decoded as U+FFFD).
        var odd = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
            {
                return "binary data, not a text list of indicators";
            }

            if ((c < ' ' && c is not ('\t' or '\r' or '\n' or '\f')) || c == '\uFFFD')
            {
                odd++;
            }
        }

        if (odd > 8 && odd * 100 > sample.Length)
        {
            return "binary data, not a text list of indicators";
        }

        var first = sample.TrimStart("\uFEFF \t\r\n");
        return !first.IsEmpty && first[0] == '<'
            ? "an HTML or XML page, not a list of indicators (an error or login page served instead of the feed?)"
            : null;
    }

    private static async Task<FeedResult> ParseLinesAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var accumulator = new FeedAccumulator();
        string? commentedHeader = null;
        string? ipColumn = null;
        var lineNumber = 0;

        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            var trimmed = line.AsSpan().Trim();
            if (trimmed.IsEmpty)
            {
                continue;
            }

            if (trimmed[0] == '#')
            {
                var uncommented = trimmed.TrimStart('#').Trim();
                if (FeodoIpColumn(uncommented) is { } column)
                {
                    commentedHeader = uncommented.ToString();
                    ipColumn = column;
                }

                continue;
            }

            if (commentedHeader is not null)
            {
                // The header was line (lineNumber - 1) or earlier; the CSV reader sees it as its row 1 and this line as row 2.
                await ParseFeodoAsync(commentedHeader + "\n" + line + "\n", ipColumn!, lineNumber - 2, reader, accumulator, cancellationToken);
                return accumulator.Build(FeedFormat.FeodoCsv);
            }

            if (FeodoIpColumn(trimmed) is { } plainColumn)
            {
                await ParseFeodoAsync(line + "\n", plainColumn, lineNumber - 1, reader, accumulator, cancellationToken);
                return accumulator.Build(FeedFormat.FeodoCsv);
            }

            var format = trimmed.Contains(',') ? FeedFormat.Bambenek : FeedFormat.Plain;
            AddSimpleLine(format, lineNumber, line, accumulator);
            await FeedLineReader.ReadAsync(reader, lineNumber, (number, next) => AddSimpleLine(format, number, next, accumulator), cancellationToken);

            return accumulator.Build(format);
        }

        return accumulator.Build(FeedFormat.Plain);
    }

    private static void AddSimpleLine(FeedFormat format, int lineNumber, ReadOnlySpan<char> line, FeedAccumulator accumulator)
    {
        var trimmed = line.Trim();
        if (trimmed.IsEmpty || trimmed[0] == '#')
        {
            return;
        }

        if (format == FeedFormat.Bambenek)
        {
            // Only the first field is the IP: descriptions such as "IP used by emotet C&C, epoch 5" contain commas.
            var comma = trimmed.IndexOf(',');
            accumulator.Add(lineNumber, line, comma < 0 ? trimmed : trimmed[..comma]);
            return;
        }

        accumulator.Add(lineNumber, line, trimmed);
    }

    private static async Task ParseFeodoAsync(string prefix, string ipColumn, int lineOffset, TextReader rest, FeedAccumulator accumulator, CancellationToken cancellationToken)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            CommentPrefix = '#',
            SkipEmptyLines = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            // A stray quote must cost one line, not swallow the rest of the feed.
            AllowLineBreaksInQuotes = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            MaxRecordSize = 64 * 1024,
            OnMalformedRecord = record => accumulator.Reject(lineOffset + (int)record.LineNumber, record.RawRecord, "malformed CSV quoting"),
        };

        using var prefixed = new PrefixedTextReader(prefix, rest);
        using var csv = CsvReader.Create(prefixed, options, leaveOpen: true);
        await csv.ReadHeaderAsync(cancellationToken);
        if (!csv.TryGetFieldIndex(ipColumn, out var ipIndex))
        {
            throw new FeedFormatException($"the Feodo CSV header has no {ipColumn} column");
        }

        while (await csv.ReadAsync(cancellationToken))
        {
            var lineNumber = lineOffset + (int)csv.LineNumber;
            var raw = Encoding.UTF8.GetString(csv.RawRecord);
            var ip = csv.GetString(ipIndex);
            if (string.IsNullOrWhiteSpace(ip))
            {
                accumulator.Reject(lineNumber, raw, $"no {ipColumn} value");
                continue;
            }

            accumulator.Add(lineNumber, raw, ip);
        }
    }

    /// <summary>
    /// The name of the address column when <paramref name="line"/> is a Feodo Tracker CSV header, else null: today's
    /// <c>first_seen_utc,dst_ip,dst_port,...</c> or the older <c>Firstseen,DstIP,DstPort[,LastOnline],Malware</c>.
    /// </summary>
    private static string? FeodoIpColumn(ReadOnlySpan<char> line)
    {
        if (!line.Contains(','))
        {
            return null;
        }

        foreach (var range in line.Split(','))
        {
            var name = line[range].Trim().Trim('"').Trim();
            if (name.Equals("dst_ip", StringComparison.OrdinalIgnoreCase) || name.Equals("DstIP", StringComparison.OrdinalIgnoreCase))
            {
                return name.ToString();
            }
        }

        return null;
    }
}
