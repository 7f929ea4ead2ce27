namespace ChatOpsBot.Core.Intel;

/// <summary>How one run (or one step of it) asks for intel; see <see cref="IThreatIntel.For"/>.</summary>
public sealed record IntelScope
{
    /// <summary>The default: answers may come from the verdict cache, and quota waits are not reported.</summary>
    public static IntelScope Default { get; } = new();

    /// <summary>
    /// Ask the sources even when the verdict cache holds a fresh answer (<c>hunt --no-cache</c>); the fresh answers
    /// still refresh the cache.
    /// </summary>
    public bool BypassCache { get; init; }

    /// <summary>Called, before waiting, when a lookup has to wait for a provider's quota; null: nobody is told.</summary>
    public Func<IntelQuotaWait, CancellationToken, Task>? QuotaWaits { get; init; }
}
