using ChatOpsBot.Core.Runs;
using ChatOpsBot.Storage.ChannelState;
using Microsoft.EntityFrameworkCore;

namespace ChatOpsBot.Storage.Runs;

/// <summary>
/// <see cref="IRunLeases"/> as rows of the channel-state table (channel <c>run-lease</c>, key = run id, value = holder,
/// <c>UpdatedAt</c> = last renewal): its primary key makes taking a lease atomic across processes on SQLite and
/// PostgreSQL alike, without a table of its own.
/// </summary>
public sealed class DbRunLeases(IDbContextFactory<ChatOpsDbContext> contexts, TimeProvider clock) : IRunLeases
{
    /// <summary>The channel-state channel the leases live under.</summary>
    public const string Channel = "run-lease";

    /// <inheritdoc />
    public async Task<RunLease> TryAcquireAsync(string runId, string holder, TimeSpan expiry, CancellationToken cancellationToken)
    {
        // Two rounds at most: a lease that lapses between our insert and our read is taken on the second.
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var now = clock.GetUtcNow();
            var lapsed = now - expiry;
            await db.ChannelState.Where(s => s.Channel == Channel && s.Key == runId && s.UpdatedAt < lapsed)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            db.ChannelState.Add(new ChannelStateRow { Channel = Channel, Key = runId, Value = holder, UpdatedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return new RunLease(true, holder, now);
            }
            catch (DbUpdateException)
            {
                await using var check = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
                var current = await check.ChannelState.AsNoTracking().Where(s => s.Channel == Channel && s.Key == runId)
                    .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                if (current is not null) return new RunLease(current.Value == holder, current.Value, current.UpdatedAt);
                if (attempt > 0) throw;
            }
        }
    }

    /// <inheritdoc />
    public async Task<bool> TakeOverAsync(string runId, string holder, string lapsedHolder, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        return await db.ChannelState.Where(s => s.Channel == Channel && s.Key == runId && s.Value == lapsedHolder)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Value, holder).SetProperty(s => s.UpdatedAt, now), cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> RenewAsync(string runId, string holder, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        return await db.ChannelState.Where(s => s.Channel == Channel && s.Key == runId && s.Value == holder)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.UpdatedAt, now), cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(string runId, string holder, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.ChannelState.Where(s => s.Channel == Channel && s.Key == runId && s.Value == holder)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
