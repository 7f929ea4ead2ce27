using System.Net;

namespace ChatOpsBot.Core.Feeds;

/// <summary>What a feed yielded: unique indicators (single addresses are /32 or /128 networks) and the lines it could not read.</summary>
/// <param name="Indicators">Deduplicated networks; a single IP is a network with the full prefix length.</param>
/// <param name="InvalidLines">Lines that were neither comments nor valid entries, with their 1-based line numbers.</param>
/// <param name="Format">The format the feed was recognised as (for the analyst's information).</param>
public sealed record FeedResult(IReadOnlyList<IPNetwork> Indicators, IReadOnlyList<InvalidFeedLine> InvalidLines, FeedFormat Format);
