namespace ChatOpsBot.Core.Intel;

/// <summary>
/// Port: the verdict cache, kept in the bot's database so every replica shares it. It stores what providers
/// answered; how long an answer stays fresh is the caller's decision.
/// </summary>
public interface IIntelCache
{
    /// <summary>The stored answer of <paramref name="provider"/> about the indicator, whatever its age; null when none.</summary>
    Task<IntelCacheEntry?> FindAsync(string provider, IndicatorKind kind, string indicator, CancellationToken cancellationToken);

    /// <summary>Stores (or replaces) the answer of the entry's provider about its indicator.</summary>
    Task StoreAsync(IntelCacheEntry entry, CancellationToken cancellationToken);
}
