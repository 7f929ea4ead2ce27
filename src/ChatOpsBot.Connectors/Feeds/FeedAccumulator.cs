using ChatOpsBot.Connectors.Common;
using ChatOpsBot.Core.Feeds;

namespace ChatOpsBot.Connectors.Feeds;

/// <summary>Collects unique indicators in feed order and the lines that could not be read.</summary>
internal sealed class FeedAccumulator
{
    // Long garbage lines (an HTML error page served as a feed) must not flood chat messages.
    private const int MaxContentLength = 200;

    private readonly IndicatorListBuilder _indicators = new();
    private readonly List<InvalidFeedLine> _invalid = [];

    /// <summary>Adds the entry <paramref name="value"/> of line <paramref name="lineNumber"/>; the line's text is kept only when it is rejected.</summary>
    public void Add(int lineNumber, ReadOnlySpan<char> rawLine, ReadOnlySpan<char> value)
    {
        // Nearly every entry is a plain IPv4 address: read as an integer, no object created.
        if (IpIndicatorParser.TryParseV4(value.Trim(), out var v4))
        {
            _indicators.AddV4(v4);
            return;
        }

        if (!IpIndicatorParser.TryParse(value, out var network, out var reason))
        {
            Reject(lineNumber, rawLine, reason);
            return;
        }

        // Exact duplicates only: an address inside a listed CIDR is kept, so the analyst still sees it named.
        _indicators.Add(network);
    }

    public void Reject(int lineNumber, ReadOnlySpan<char> rawLine, string reason)
    {
        var content = rawLine.TrimEnd("\r\n");
        var text = content.Length > MaxContentLength ? string.Concat(content[..MaxContentLength], "…") : content.ToString();
        _invalid.Add(new InvalidFeedLine(lineNumber, text, reason));
    }

    // CsvHelper reports malformed records through a callback, possibly out of line order.
    public FeedResult Build(FeedFormat format) => new(_indicators.Build(), [.. _invalid.OrderBy(line => line.LineNumber)], format);
}
