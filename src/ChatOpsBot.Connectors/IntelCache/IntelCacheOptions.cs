using ChatOpsBot.Core.Intel;

namespace ChatOpsBot.Connectors.IntelCache;

/// <summary>
/// How long an intel answer stays fresh in the verdict cache, by verdict (configuration section <c>Intel:Cache</c>).
/// A malicious verdict rarely turns harmless within days; "unknown" and "harmless" change as providers learn, so they
/// are asked again sooner. Failed lookups are never cached. A zero duration turns the cache off for that kind.
/// </summary>
public sealed class IntelCacheOptions
{
    public const string SectionName = "Intel:Cache";

    /// <summary>Use the cache at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Freshness of a Malicious verdict. Default 7 days.</summary>
    public TimeSpan Malicious { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Freshness of a Suspicious verdict. Default 1 day.</summary>
    public TimeSpan Suspicious { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Freshness of a Harmless verdict. Default 1 day.</summary>
    public TimeSpan Harmless { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Freshness of an Unknown verdict (the provider knows nothing). Default 1 day.</summary>
    public TimeSpan Unknown { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Freshness of a pulse's list of IPv4 indicators (the pivot's input). Default 1 day.</summary>
    public TimeSpan PulseIndicators { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long an answer of <paramref name="kind"/> with <paramref name="verdict"/> stays fresh.</summary>
    public TimeSpan FreshFor(IndicatorKind kind, Verdict verdict) => kind == IndicatorKind.PulseIndicators ? PulseIndicators : verdict switch
    {
        Verdict.Malicious => Malicious,
        Verdict.Suspicious => Suspicious,
        Verdict.Harmless => Harmless,
        _ => Unknown,
    };
}
