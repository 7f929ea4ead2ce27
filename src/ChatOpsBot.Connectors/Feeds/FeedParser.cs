using ChatOpsBot.Core.Feeds;
using System.Text;
using CsvHelper;

namespace ChatOpsBot.Connectors.Feeds;

/// <summary>
/// Recognises the feed format from its first lines and extracts indicators, one line at a time.
/// </summary>
/// <remarks>
/// Detection: a header naming <c>dst_ip</c> (commented out, as abuse.ch ships it, or not) means Feodo CSV;
/// otherwise a comma in the first data line means Bambenek; otherwise a plain list.
/// </remarks>
internal static class FeedParser
{
    private const string FeodoIpColumn = "dst_ip";

    public static async Task<FeedResult> ParseAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var accumulator = new FeedAccumulator();
        string? commentedHeader = null;
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
                if (IsFeodoHeader(uncommented))
                {
                    commentedHeader = uncommented.ToString();
                }

                continue;
            }

            if (commentedHeader is not null)
            {
                // The header was line (lineNumber - 1) or earlier; the CSV reader sees it as its row 1 and this line as row 2.
                await ParseFeodoAsync(commentedHeader + "\n" + line + "\n", lineNumber - 2, reader, accumulator, cancellationToken);
                return accumulator.Build(FeedFormat.FeodoCsv);
            }

            if (IsFeodoHeader(trimmed))
            {
                await ParseFeodoAsync(line + "\n", lineNumber - 1, reader, accumulator, cancellationToken);
                return accumulator.Build(FeedFormat.FeodoCsv);
            }

            var format = trimmed.Contains(',') ? FeedFormat.Bambenek : FeedFormat.Plain;
            AddSimpleLine(format, lineNumber, line, accumulator);
            while (await reader.ReadLineAsync(cancellationToken) is { } next)
            {
                lineNumber++;
                AddSimpleLine(format, lineNumber, next, accumulator);
            }

            return accumulator.Build(format);
        }

        return accumulator.Build(FeedFormat.Plain);
    }

    private static void AddSimpleLine(FeedFormat format, int lineNumber, string line, FeedAccumulator accumulator)
    {
        var trimmed = line.AsSpan().Trim();
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

    private static async Task ParseFeodoAsync(string prefix, int lineOffset, TextReader rest, FeedAccumulator accumulator, CancellationToken cancellationToken)
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
        if (!csv.TryGetFieldIndex(FeodoIpColumn, out var ipIndex))
        {
            throw new InvalidOperationException($"Feodo header without a {FeodoIpColumn} column: {prefix}");
        }

        while (await csv.ReadAsync(cancellationToken))
        {
            var lineNumber = lineOffset + (int)csv.LineNumber;
            var raw = Encoding.UTF8.GetString(csv.RawRecord);
            var ip = csv.GetString(ipIndex);
            if (string.IsNullOrWhiteSpace(ip))
            {
                accumulator.Reject(lineNumber, raw, $"no {FeodoIpColumn} value");
                continue;
            }

            accumulator.Add(lineNumber, raw, ip);
        }
    }

    private static bool IsFeodoHeader(ReadOnlySpan<char> line)
    {
        if (!line.Contains(',') || !line.Contains(FeodoIpColumn, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var range in line.Split(','))
        {
            if (line[range].Trim().Trim('"').Trim().Equals(FeodoIpColumn, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
