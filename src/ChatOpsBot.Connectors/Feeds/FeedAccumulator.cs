using System.Net;
using ChatOpsBot.Connectors.Common;
using ChatOpsBot.Core.Feeds;

namespace ChatOpsBot.Connectors.Feeds;

/// <summary>Collects unique indicators in feed order and the lines that could not be read.</summary>
internal sealed class FeedAccumulator
{
    // Long garbage lines (an HTML error page served as a feed) must not flood chat messages.
    private const int MaxContentLength = 200;

    private readonly List<IPNetwork> _indicators = [];
    private readonly HashSet<IPNetwork> _seen = [];
    private readonly List<InvalidFeedLine> _invalid = [];

    public void Add(int lineNumber, string rawLine, ReadOnlySpan<char> value)
    {
        if (!IpIndicatorParser.TryParse(value, out var network, out var reason))
        {
            Reject(lineNumber, rawLine, reason);
            return;
        }

        // Exact duplicates only: an address inside a listed CIDR is kept, so the analyst still sees it named.
        if (_seen.Add(network))
        {
            _indicators.Add(network);
        }
    }

    public void Reject(int lineNumber, string rawLine, string reason)
    {
        var content = rawLine.TrimEnd('\r', '\n');
        if (content.Length > MaxContentLength)
        {
            content = string.Concat(content.AsSpan(0, MaxContentLength), "…");
        }

        _invalid.Add(new InvalidFeedLine(lineNumber, content, reason));
    }

    // CsvHelper reports malformed records through a callback, possibly out of line order.
    public FeedResult Build(FeedFormat format) => new(_indicators, [.. _invalid.OrderBy(line => line.LineNumber)], format);
}
