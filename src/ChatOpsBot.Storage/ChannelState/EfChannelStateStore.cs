using ChatOpsBot.Core.Dialog;
using Microsoft.EntityFrameworkCore;

namespace ChatOpsBot.Storage.ChannelState;

/// <summary><see cref="IChannelStateStore"/> in the bot's database; the primary key makes TryAdd atomic across replicas.</summary>
public sealed class EfChannelStateStore(IDbContextFactory<ChatOpsDbContext> contexts, TimeProvider clock) : IChannelStateStore
{
    /// <inheritdoc />
    public async Task<string?> GetAsync(string channel, string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ChannelState.Where(s => s.Channel == channel && s.Key == key).Select(s => s.Value)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SetAsync(string channel, string key, string value, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var updated = await db.ChannelState.Where(s => s.Channel == channel && s.Key == key)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Value, value).SetProperty(s => s.UpdatedAt, now), cancellationToken).ConfigureAwait(false);
        if (updated > 0) return;
        if (!await TryAddAsync(channel, key, value, cancellationToken).ConfigureAwait(false))
            await SetAsync(channel, key, value, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> TryAddAsync(string channel, string key, string value, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.ChannelState.Add(new ChannelStateRow { Channel = channel, Key = key, Value = value, UpdatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            // Lost to an earlier writer (the key exists); anything else would not leave the key behind.
            await using var check = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            if (await check.ChannelState.AnyAsync(s => s.Channel == channel && s.Key == key, cancellationToken).ConfigureAwait(false)) return false;
            throw;
        }
    }
}
