using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Inbox;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Storage.Tests.Inbox;

public class DbInboxStoreTests
{
    /// <summary>The database engine these tests run on; a subclass runs them all on PostgreSQL.</summary>
    protected virtual StorageProvider Provider => StorageProvider.Sqlite;

    private static CancellationToken Ct => CancellationToken.None;
    private static readonly TimeSpan Lease = new ChatOpsBot.Storage.WorkQueue.WorkQueueOptions().InboxLease;

    private static InboxItem Answer(string key) => new(key, "slack", InboxKind.Answer, "r-1",
        new PromptAnswer("r-1", "r-1/p2", "ConfirmMalware", "text <b>", new Actor("slack:U1", "alice", IsApprover: false)), """{"userId":"U1"}""");

    [SkippableFact]
    public async Task The_same_platform_delivery_is_stored_once_and_comes_back_whole()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var inbox = storage.Services.GetRequiredService<IInboxStore>();

        var first = await inbox.AddAsync(Answer("slack:trigger-1"), null, Ct);
        var again = await inbox.AddAsync(Answer("slack:trigger-1"), null, Ct);
        var leased = await inbox.ClaimAsync("replica-a", Ct);

        Assert.True(first.IsNew);
        Assert.False(first.Leased);
        Assert.Equal((first.Id, false), (again.Id, again.IsNew));
        Assert.Equal(Answer("slack:trigger-1"), leased!.Item);
        Assert.Equal(1, leased.Attempts);
        Assert.Null(await inbox.ClaimAsync("replica-b", Ct));
    }

    [SkippableFact]
    public async Task An_item_whose_replica_died_is_taken_over_after_the_lease_and_its_result_is_kept()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var inbox = storage.Services.GetRequiredService<IInboxStore>();
        var received = await inbox.AddAsync(Answer("slack:trigger-2"), "replica-a", Ct); // applied inline by a, which dies

        var tooEarly = await inbox.ClaimAsync("replica-b", Ct);
        storage.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var taken = await inbox.ClaimAsync("replica-b", Ct);
        await inbox.CompleteAsync(received.Id, "replica-a", new InboxResult(AnswerOutcome.Accepted, "late"), Ct); // not a's any more
        var pending = await inbox.ResultAsync(received.Id, Ct);
        await inbox.CompleteAsync(taken!.Id, "replica-b", new InboxResult(AnswerOutcome.Accepted, "Recorded: yes."), Ct);

        Assert.True(received.Leased);
        Assert.Null(tooEarly);
        Assert.Equal(2, taken.Attempts);
        Assert.Null(pending);
        Assert.Equal(new InboxResult(AnswerOutcome.Accepted, "Recorded: yes."), await inbox.ResultAsync(received.Id, Ct));
        Assert.Null(await inbox.ClaimAsync("replica-c", Ct));
    }

    [SkippableFact]
    public async Task A_released_item_waits_for_its_delay_and_a_specific_item_can_be_claimed_when_free()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var inbox = storage.Services.GetRequiredService<IInboxStore>();
        var received = await inbox.AddAsync(Answer("slack:trigger-3"), null, Ct);
        var leased = await inbox.ClaimAsync("replica-a", Ct);

        Assert.Null(await inbox.ClaimAsync(received.Id, "replica-b", Ct));
        await inbox.ReleaseAsync(leased!.Id, "replica-a", TimeSpan.FromSeconds(5), Ct);
        Assert.Null(await inbox.ClaimAsync(received.Id, "replica-b", Ct));
        storage.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(received.Id, (await inbox.ClaimAsync(received.Id, "replica-b", Ct))!.Id);
    }
}

/// <summary>Every <see cref="DbInboxStoreTests"/> case on a real PostgreSQL server.</summary>
public sealed class DbInboxStorePostgresTests : DbInboxStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
