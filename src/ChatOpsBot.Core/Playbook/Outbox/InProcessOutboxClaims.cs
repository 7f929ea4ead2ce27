using System.Collections.Concurrent;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Playbook.Outbox;

/// <summary>
/// <see cref="IOutboxClaims"/> in memory, for a playbook without a database (unit tests, a store of one's own). It
/// serialises deliveries inside one process only; the storage layer replaces it with claims in the database.
/// </summary>
public sealed class InProcessOutboxClaims(TimeProvider clock) : IOutboxClaims
{
    private readonly ConcurrentDictionary<(string, string), Entry> _entries = new();

    /// <inheritdoc />
    public Task<OutboxClaim> ClaimAsync(string runId, OutboxMessage message, string channel, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = clock.GetUtcNow();
        var entry = _entries.GetOrAdd((runId, message.Key), _ => new Entry { FirstAttemptAt = now });
        lock (entry)
        {
            OutboxClaimStatus? refused = entry switch
            {
                { Delivered: true } => OutboxClaimStatus.Delivered,
                { Owner: not null } => OutboxClaimStatus.HeldElsewhere,
                { GaveUp: true } when !force => OutboxClaimStatus.GaveUp,
                { NextAttemptAt: { } next } when next > now && !force => OutboxClaimStatus.NotDue,
                _ => null,
            };
            if (refused is { } status) return Task.FromResult(new OutboxClaim(runId, message.Key, status, "", entry.Attempts, entry.FirstAttemptAt, false, entry.PlatformId));
            entry.Owner = Guid.NewGuid().ToString("N");
            entry.Attempts++;
            entry.GaveUp = false;
            return Task.FromResult(new OutboxClaim(runId, message.Key, OutboxClaimStatus.Acquired, entry.Owner, entry.Attempts, entry.FirstAttemptAt, entry.Unsure, entry.PlatformId));
        }
    }

    /// <inheritdoc />
    public Task RecordPlatformIdAsync(OutboxClaim claim, string platformId, CancellationToken cancellationToken) =>
        Update(claim, e => e.PlatformId = platformId);

    /// <inheritdoc />
    public Task DeliveredAsync(OutboxClaim claim, CancellationToken cancellationToken) =>
        Update(claim, e => (e.Delivered, e.Owner) = (true, null));

    /// <inheritdoc />
    public Task FailedAsync(OutboxClaim claim, OutboxFailure failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return Update(claim, e => (e.Owner, e.NextAttemptAt, e.Unsure, e.GaveUp) = (null, failure.NextAttemptAt, failure.OutcomeUnknown, failure.GiveUp));
    }

    private Task Update(OutboxClaim claim, Action<Entry> change)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (_entries.TryGetValue((claim.RunId, claim.Key), out var entry))
            lock (entry)
                if (entry.Owner == claim.Token) change(entry);
        return Task.CompletedTask;
    }

    private sealed class Entry
    {
        public string? Owner { get; set; }
        public int Attempts { get; set; }
        public DateTimeOffset FirstAttemptAt { get; init; }
        public DateTimeOffset? NextAttemptAt { get; set; }
        public bool Unsure { get; set; }
        public bool GaveUp { get; set; }
        public bool Delivered { get; set; }
        public string? PlatformId { get; set; }
    }
}
