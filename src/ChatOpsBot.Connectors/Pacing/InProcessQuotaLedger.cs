using ChatOpsBot.Core.Quotas;

namespace ChatOpsBot.Connectors.Pacing;

/// <summary>
/// The quota ledger of a bot without a database (tests, tools): this process's slots in memory. The bot registers the
/// database ledger instead, which every replica shares.
/// </summary>
public sealed class InProcessQuotaLedger(TimeProvider clock) : IQuotaLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<QuotaGrant>> _grants = new(StringComparer.Ordinal);
    private long _next;

    public Task<long?> TryTakeAsync(string provider, DateTimeOffset since, Func<IReadOnlyList<QuotaGrant>, DateTimeOffset, bool> mayTake, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mayTake);
        lock (_gate)
        {
            if (!_grants.TryGetValue(provider, out var list)) _grants[provider] = list = [];
            list.RemoveAll(g => g.GrantedAt < since);
            var now = clock.GetUtcNow();
            if (!mayTake(list, now)) return Task.FromResult<long?>(null);
            var id = ++_next;
            list.Add(new QuotaGrant(id, now, null));
            return Task.FromResult<long?>(id);
        }
    }

    public Task CompleteAsync(long grantId, DateTimeOffset completedAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var list in _grants.Values)
            {
                var index = list.FindIndex(g => g.Id == grantId);
                if (index >= 0) list[index] = list[index] with { CompletedAt = completedAt };
            }
        }
        return Task.CompletedTask;
    }
}
