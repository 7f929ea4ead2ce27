using ChatOpsBot.Core.Playbook.Outbox;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Storage.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Storage.Tests.Outbox;

public class DbOutboxClaimsTests
{
    /// <summary>The database engine these tests run on; a subclass runs them all on PostgreSQL.</summary>
    protected virtual StorageProvider Provider => StorageProvider.Sqlite;

    private static CancellationToken Ct => CancellationToken.None;
    private static readonly OutboxMessage Message = new() { Key = "r-1/p1:ask", Seq = 3, Kind = OutboxKind.Ask };
    private static readonly TimeSpan Lease = new OutboxOptions().ClaimLease;

    [SkippableFact]
    public async Task Only_one_replica_holds_a_message_and_once_delivered_nobody_posts_it_again()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var a = new DbOutboxClaims(storage.Services.GetRequiredService<IDbContextFactory<ChatOpsDbContext>>(), Options(), storage.Time);
        var b = new DbOutboxClaims(storage.Services.GetRequiredService<IDbContextFactory<ChatOpsDbContext>>(), Options(), storage.Time);

        var mine = await a.ClaimAsync("r-1", Message, "slack", force: false, Ct);
        var theirs = await b.ClaimAsync("r-1", Message, "slack", force: true, Ct);
        await a.RecordPlatformIdAsync(mine, "C1 1.2", Ct);
        await a.DeliveredAsync(mine, Ct);
        var after = await b.ClaimAsync("r-1", Message, "slack", force: true, Ct);

        Assert.Equal(OutboxClaimStatus.Acquired, mine.Status);
        Assert.Equal(1, mine.Attempt);
        Assert.False(mine.PreviousOutcomeUnknown);
        Assert.Equal(OutboxClaimStatus.HeldElsewhere, theirs.Status);
        Assert.Equal(OutboxClaimStatus.Delivered, after.Status);
        await using var db = await storage.OpenAsync();
        var row = await db.OutboxClaims.SingleAsync(Ct);
        Assert.Equal(("C1 1.2", 3L, "Delivered"), (row.PlatformId, row.Seq, row.State));
    }

    [SkippableFact]
    public async Task A_holder_that_vanished_leaves_the_message_after_its_lease_with_an_unknown_outcome_and_its_recorded_id()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var claims = Claims(storage);
        var dead = await claims.ClaimAsync("r-1", Message, "slack", force: false, Ct);
        await claims.RecordPlatformIdAsync(dead, "C1 1.2", Ct);

        var early = await claims.ClaimAsync("r-1", Message, "slack", force: false, Ct);
        storage.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var taken = await claims.ClaimAsync("r-1", Message, "slack", force: false, Ct);
        await claims.DeliveredAsync(dead, Ct); // the dead holder's late write changes nothing

        Assert.Equal(OutboxClaimStatus.HeldElsewhere, early.Status);
        Assert.Equal(OutboxClaimStatus.Acquired, taken.Status);
        Assert.Equal(2, taken.Attempt);
        Assert.True(taken.PreviousOutcomeUnknown);
        Assert.Equal("C1 1.2", taken.PlatformId);
        Assert.Equal(StorageFixture.Start, taken.FirstAttemptAt);
        Assert.Equal(OutboxClaimStatus.HeldElsewhere, (await claims.ClaimAsync("r-1", Message, "slack", force: false, Ct)).Status);
    }

    [SkippableFact]
    public async Task A_failed_attempt_is_not_due_before_its_next_attempt_a_refusal_is_known_and_a_give_up_waits_for_force()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var claims = Claims(storage);
        var first = await claims.ClaimAsync("r-1", Message, "slack", force: false, Ct);
        await claims.FailedAsync(first, new OutboxFailure(StorageFixture.Start.AddSeconds(10), OutcomeUnknown: false, "ratelimited", GiveUp: false), Ct);

        var early = await claims.ClaimAsync("r-1", Message, "slack", force: false, Ct);
        storage.Time.Advance(TimeSpan.FromSeconds(10));
        var second = await claims.ClaimAsync("r-1", Message, "slack", force: false, Ct);
        await claims.FailedAsync(second, new OutboxFailure(StorageFixture.Start, OutcomeUnknown: true, "http_500", GiveUp: true), Ct);
        var gaveUp = await claims.ClaimAsync("r-1", Message, "slack", force: false, Ct);
        var forced = await claims.ClaimAsync("r-1", Message, "slack", force: true, Ct);

        Assert.Equal(OutboxClaimStatus.NotDue, early.Status);
        Assert.Equal(OutboxClaimStatus.Acquired, second.Status);
        Assert.False(second.PreviousOutcomeUnknown);
        Assert.Equal(OutboxClaimStatus.GaveUp, gaveUp.Status);
        Assert.Equal(OutboxClaimStatus.Acquired, forced.Status);
        Assert.True(forced.PreviousOutcomeUnknown);
        Assert.Equal(3, forced.Attempt);
    }

    [SkippableFact]
    public async Task Concurrent_claims_of_one_message_hand_it_to_exactly_one_replica()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var claims = Claims(storage);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var attempt = 0; ; attempt++)
            {
                // SQLite answers a write race with "database is locked" after its busy timeout; retried like a replica would.
                try { return await claims.ClaimAsync("r-1", Message, "slack", force: false, Ct); }
                catch (Exception) when (attempt < 5) { await Task.Delay(20); }
            }
        })));

        Assert.Single(results, r => r.Status == OutboxClaimStatus.Acquired);
        Assert.All(results.Where(r => r.Status != OutboxClaimStatus.Acquired), r => Assert.Equal(OutboxClaimStatus.HeldElsewhere, r.Status));
    }

    private static DbOutboxClaims Claims(StorageFixture storage) =>
        new(storage.Services.GetRequiredService<IDbContextFactory<ChatOpsDbContext>>(), Options(), storage.Time);

    private static Microsoft.Extensions.Options.IOptions<OutboxOptions> Options() => Microsoft.Extensions.Options.Options.Create(new OutboxOptions());
}

/// <summary>Every <see cref="DbOutboxClaimsTests"/> case on a real PostgreSQL server.</summary>
public sealed class DbOutboxClaimsPostgresTests : DbOutboxClaimsTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
