namespace ChatOpsBot.Core.Intel;

/// <summary>One provider's answer about one indicator, as the verdict cache keeps it.</summary>
/// <param name="Provider">The provider that answered, e.g. "OTX".</param>
/// <param name="Kind">What was asked.</param>
/// <param name="Indicator">The indicator in canonical form (IP text, lower-case hash, URL, pulse id).</param>
/// <param name="Verdict">The verdict (<see cref="Verdict.Unknown"/> for pulse indicators).</param>
/// <param name="Source">The source name the answer carried.</param>
/// <param name="Detail">The provider's reason: pulses named, engines counted.</param>
/// <param name="Pulses">The pulses listing an IP (OTX).</param>
/// <param name="Addresses">A pulse's IPv4 indicators.</param>
/// <param name="FetchedAt">When the provider answered.</param>
public sealed record IntelCacheEntry(
    string Provider,
    IndicatorKind Kind,
    string Indicator,
    Verdict Verdict,
    string Source,
    string Detail,
    IReadOnlyList<PulseRef> Pulses,
    IReadOnlyList<string> Addresses,
    DateTimeOffset FetchedAt);
