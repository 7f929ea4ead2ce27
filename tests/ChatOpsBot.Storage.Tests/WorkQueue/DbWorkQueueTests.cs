using ChatOpsBot.Storage.WorkQueue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Storage.Tests.WorkQueue;

public class DbWorkQueueTests
{
    /// <summary>The database engine these tests run on; a subclass runs them all on PostgreSQL.</summary>
    protected virtual StorageProvider Provider => StorageProvider.Sqlite;

    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static CancellationToken Ct => CancellationToken.None;

    [SkippableFact]
    public async Task Claim_returns_the_queued_run_once_while_its_lease_holds()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var queue = storage.Services.GetRequiredService<DbWorkQueue>();
        await queue.EnqueueAdvanceAsync("r-1", Ct);

        var first = await queue.ClaimAsync("replica-a", Lease, Ct);
        var second = await queue.ClaimAsync("replica-b", Lease, Ct);

        Assert.Equal("r-1", first!.RunId);
        Assert.Equal(1, first.Attempts);
        Assert.Null(second);
    }

    [SkippableFact]
    public async Task An_expired_lease_lets_another_replica_take_the_work_over()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var queue = storage.Services.GetRequiredService<DbWorkQueue>();
        await queue.EnqueueAdvanceAsync("r-1", Ct);
        var dead = await queue.ClaimAsync("replica-a", Lease, Ct);

        storage.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var taken = await queue.ClaimAsync("replica-b", Lease, Ct);

        Assert.Equal(dead!.Id, taken!.Id);
        Assert.Equal(2, taken.Attempts);
        Assert.False(await queue.RenewAsync(dead, "replica-a", Lease, Ct)); // the dead owner's lease is gone
        Assert.True(await queue.RenewAsync(taken, "replica-b", Lease, Ct));
    }

    [SkippableFact]
    public async Task A_renewed_lease_keeps_the_item_past_the_first_lease()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var queue = storage.Services.GetRequiredService<DbWorkQueue>();
        await queue.EnqueueAdvanceAsync("r-1", Ct);
        var item = await queue.ClaimAsync("replica-a", Lease, Ct);

        storage.Time.Advance(Lease / 2);
        Assert.True(await queue.RenewAsync(item!, "replica-a", Lease, Ct));
        storage.Time.Advance(Lease / 2 + TimeSpan.FromSeconds(5));

        Assert.Null(await queue.ClaimAsync("replica-b", Lease, Ct));
    }

    [SkippableFact]
    public async Task Complete_removes_the_item_and_release_makes_it_available_after_the_delay()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var queue = storage.Services.GetRequiredService<DbWorkQueue>();
        await queue.EnqueueAdvanceAsync("r-1", Ct);
        await queue.EnqueueAdvanceAsync("r-2", Ct);
        var one = await queue.ClaimAsync("a", Lease, Ct);
        var two = await queue.ClaimAsync("a", Lease, Ct);

        await queue.CompleteAsync(one!, "a", Ct);
        await queue.ReleaseAsync(two!, "a", TimeSpan.FromSeconds(10), Ct);

        Assert.Null(await queue.ClaimAsync("b", Lease, Ct));
        storage.Time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal("r-2", (await queue.ClaimAsync("b", Lease, Ct))!.RunId);
        await using var db = await storage.OpenAsync();
        Assert.Equal(1, await db.WorkItems.CountAsync(Ct));
    }

    [SkippableFact]
    public async Task Enqueue_keeps_one_waiting_item_per_run()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var queue = storage.Services.GetRequiredService<DbWorkQueue>();

        await queue.EnqueueAdvanceAsync("r-1", Ct);
        await queue.EnqueueAdvanceAsync("r-1", Ct);

        await using var db = await storage.OpenAsync();
        Assert.Equal(1, await db.WorkItems.CountAsync(Ct));
    }

    [SkippableFact]
    public async Task A_run_being_worked_on_is_not_claimed_again_by_another_replica()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var queue = storage.Services.GetRequiredService<DbWorkQueue>();
        await queue.EnqueueAdvanceAsync("r-1", Ct);
        var working = await queue.ClaimAsync("replica-a", Lease, Ct);
        await queue.EnqueueAdvanceAsync("r-1", Ct); // an answer arrived meanwhile

        Assert.Null(await queue.ClaimAsync("replica-b", Lease, Ct));
        await queue.CompleteAsync(working!, "replica-a", Ct);
        Assert.Equal("r-1", (await queue.ClaimAsync("replica-b", Lease, Ct))!.RunId);
    }

    [SkippableFact]
    public async Task Concurrent_claims_hand_each_item_to_exactly_one_replica()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var queue = storage.Services.GetRequiredService<DbWorkQueue>();
        for (var i = 0; i < 20; i++) await queue.EnqueueAdvanceAsync($"r-{i}", Ct);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(owner => Task.Run(async () =>
        {
            var mine = new List<string>();
            while (await ClaimWithRetryAsync(queue, $"replica-{owner}") is { } item) mine.Add(item.RunId);
            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(20, all.Count);
        Assert.Equal(20, all.Distinct().Count());
    }

    // SQLite answers a write race with "database is locked" after its busy timeout; both engines must still hand out each item once.
    private static async Task<LeasedWorkItem?> ClaimWithRetryAsync(DbWorkQueue queue, string owner)
    {
        for (var attempt = 0; ; attempt++)
        {
            try { return await queue.ClaimAsync(owner, Lease, Ct); }
            catch (Exception) when (attempt < 5) { await Task.Delay(20); }
        }
    }
}

/// <summary>Every <see cref="DbWorkQueueTests"/> case on a real PostgreSQL server.</summary>
public sealed class DbWorkQueuePostgresTests : DbWorkQueueTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
