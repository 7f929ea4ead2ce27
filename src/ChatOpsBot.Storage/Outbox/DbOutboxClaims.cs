using ChatOpsBot.Core.Playbook.Outbox;
using ChatOpsBot.Core.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Storage.Outbox;

/// <summary>
/// <see cref="IOutboxClaims"/> in the bot's database: one row per (run, message key). Claiming is a single upsert that
/// succeeds only when the message is not delivered, not held under an unexpired lease and (unless forced) due, so two
/// replicas can never both hold it. A claim whose holder vanished (lease expired while "Delivering") is reported as
/// having an unknown outcome, and the next holder looks the message up on the platform before posting it.
/// </summary>
public sealed class DbOutboxClaims(IDbContextFactory<ChatOpsDbContext> contexts, IOptions<OutboxOptions> options, TimeProvider clock) : IOutboxClaims
{
    /// <inheritdoc />
    public async Task<OutboxClaim> ClaimAsync(string runId, OutboxMessage message, string channel, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var token = Guid.NewGuid().ToString("N");
        const string sql = """
            INSERT INTO outbox_claims ("RunId", "Key", "Seq", "Channel", "State", "Owner", "LeaseUntil", "Attempts", "FirstAttemptAt", "Unsure", "UpdatedAt")
            VALUES ({0}, {1}, {2}, {3}, 'Delivering', {4}, {5}, 1, {6}, {7}, {6})
            ON CONFLICT ("RunId", "Key") DO UPDATE SET
                "State" = 'Delivering', "Owner" = excluded."Owner", "LeaseUntil" = excluded."LeaseUntil",
                "Attempts" = outbox_claims."Attempts" + 1, "UpdatedAt" = excluded."UpdatedAt", "GaveUpAt" = NULL,
                "Unsure" = (outbox_claims."State" = 'Delivering' OR outbox_claims."Unsure")
            WHERE outbox_claims."State" <> 'Delivered'
              AND (outbox_claims."State" <> 'Delivering' OR outbox_claims."LeaseUntil" < {6})
              AND ({8} OR ((outbox_claims."NextAttemptAt" IS NULL OR outbox_claims."NextAttemptAt" <= {6}) AND outbox_claims."GaveUpAt" IS NULL))
            RETURNING "Attempts", "FirstAttemptAt", "Unsure", "PlatformId"
            """;
        var rows = await db.Database.SqlQueryRaw<Claimed>(sql,
                runId, message.Key, message.Seq, channel, token, StoredTime.Text(now + options.Value.ClaimLease), StoredTime.Text(now), false, force)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 1)
        {
            var c = rows[0];
            return new OutboxClaim(runId, message.Key, OutboxClaimStatus.Acquired, token, c.Attempts, StoredTime.Parse(c.FirstAttemptAt), c.Unsure, c.PlatformId);
        }
        var row = await db.OutboxClaims.AsNoTracking().SingleOrDefaultAsync(r => r.RunId == runId && r.Key == message.Key, cancellationToken).ConfigureAwait(false)
                  ?? throw new InvalidOperationException($"Outbox claim {runId}/{message.Key} vanished while it was claimed.");
        var status = row switch
        {
            { State: OutboxClaimStates.Delivered } => OutboxClaimStatus.Delivered,
            { State: OutboxClaimStates.Delivering } => OutboxClaimStatus.HeldElsewhere,
            { GaveUpAt: not null } => OutboxClaimStatus.GaveUp,
            _ => OutboxClaimStatus.NotDue,
        };
        return new OutboxClaim(runId, message.Key, status, "", row.Attempts, row.FirstAttemptAt, row.Unsure, row.PlatformId);
    }

    /// <inheritdoc />
    public async Task RecordPlatformIdAsync(OutboxClaim claim, string platformId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        await Mine(db, claim).ExecuteUpdateAsync(u => u.SetProperty(r => r.PlatformId, platformId).SetProperty(r => r.UpdatedAt, now), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeliveredAsync(OutboxClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        await Mine(db, claim).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.State, OutboxClaimStates.Delivered).SetProperty(r => r.Owner, (string?)null)
                .SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null).SetProperty(r => r.Unsure, false)
                .SetProperty(r => r.NextAttemptAt, (DateTimeOffset?)null).SetProperty(r => r.UpdatedAt, now), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task FailedAsync(OutboxClaim claim, OutboxFailure failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(failure);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var error = failure.Error.Length > 500 ? failure.Error[..500] : failure.Error;
        DateTimeOffset? gaveUp = failure.GiveUp ? now : null;
        await Mine(db, claim).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.State, OutboxClaimStates.Failed).SetProperty(r => r.Owner, (string?)null)
                .SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null).SetProperty(r => r.Unsure, failure.OutcomeUnknown)
                .SetProperty(r => r.NextAttemptAt, failure.NextAttemptAt).SetProperty(r => r.LastError, error)
                .SetProperty(r => r.GaveUpAt, gaveUp).SetProperty(r => r.UpdatedAt, now), cancellationToken)
            .ConfigureAwait(false);
    }

    // Only the holder may change a claim: after its lease ran out another replica may hold it.
    private static IQueryable<OutboxClaimRow> Mine(ChatOpsDbContext db, OutboxClaim claim) =>
        db.OutboxClaims.Where(r => r.RunId == claim.RunId && r.Key == claim.Key && r.Owner == claim.Token);

    private sealed record Claimed(int Attempts, string FirstAttemptAt, bool Unsure, string? PlatformId);
}
