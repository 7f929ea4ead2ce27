using System.Collections.Concurrent;
using ChatOpsBot.Connectors.Pacing;
using ChatOpsBot.Core.Quotas;

namespace ChatOpsBot.Connectors.Tests.Pacing;

/// <summary>The in-process ledger, recording every slot taken (provider, time).</summary>
public sealed class RecordingQuotaLedger(TimeProvider clock) : IQuotaLedger
{
    private readonly InProcessQuotaLedger _inner = new(clock);

    public ConcurrentQueue<(string Provider, long Grant)> Taken { get; } = new();

    public async Task<long?> TryTakeAsync(string provider, DateTimeOffset since, Func<IReadOnlyList<QuotaGrant>, DateTimeOffset, bool> mayTake, CancellationToken cancellationToken)
    {
        var grant = await _inner.TryTakeAsync(provider, since, mayTake, cancellationToken);
        if (grant is { } id) Taken.Enqueue((provider, id));
        return grant;
    }

    public Task CompleteAsync(long grantId, DateTimeOffset completedAt, CancellationToken cancellationToken) =>
        _inner.CompleteAsync(grantId, completedAt, cancellationToken);
}
