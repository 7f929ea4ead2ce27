using ChatOpsBot.Core.Playbook.Closure;
using ChatOpsBot.Core.Playbook.Containment;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Playbook.Hunt;
using ChatOpsBot.Core.Playbook.Validation;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Storage.Runs;

namespace ChatOpsBot.Storage.Tests.Runs;

public partial class EfRunStoreTests
{
    /// <summary>The database engine these tests run on; a subclass runs them all on PostgreSQL.</summary>
    protected virtual StorageProvider Provider => StorageProvider.Sqlite;

    private static CancellationToken Ct => CancellationToken.None;

    [SkippableFact]
    public async Task Create_then_find_preserves_the_whole_run_document()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var run = SampleRuns.InValidation("r-20261128-aaaaaa", StorageFixture.Start);

        await storage.Runs.CreateAsync(run, Ct);
        var found = await storage.Runs.FindAsync(run.Id, Ct);

        Assert.NotNull(found);
        Assert.Equal(RunJson.Serialize(run), RunJson.Serialize(found));
        Assert.Equal(2, found.Prompt!.Options.Count);
        Assert.Equal(2, found.Prompt.Options[0].RequiredApprovals);
        Assert.Equal("malicious <b>", found.Prompt.Facts[0].Value);
        Assert.Equal("U-ana", found.Prompt.Approvals[0].Actor.Id);
        Assert.Equal(2, found.Timeline.Count);
        Assert.Equal(TimelineEntryKind.PromptOpened, found.Timeline[1].Kind);
        Assert.Equal("203.0.113.7", found.Hits[0].RemoteIp);
        Assert.Equal(StorageFixture.Start.AddHours(-5), found.Hits[0].FirstSeen);
    }

    [SkippableFact]
    public async Task Create_stores_version_one()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var run = SampleRuns.InValidation("r-1", StorageFixture.Start);

        await storage.Runs.CreateAsync(run, Ct);

        Assert.Equal(1, run.Version);
        Assert.Equal(1, (await storage.Runs.FindAsync("r-1", Ct))!.Version);
    }

    [SkippableFact]
    public async Task Create_with_a_taken_id_throws_RunAlreadyExists_and_keeps_the_first_run()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        await storage.Runs.CreateAsync(SampleRuns.InValidation("r-same", StorageFixture.Start), Ct);
        var second = SampleRuns.InValidation("r-same", StorageFixture.Start);
        second.Settings.StartedBy = "the other replica";

        var error = await Assert.ThrowsAsync<RunAlreadyExistsException>(() => storage.Runs.CreateAsync(second, Ct));

        Assert.Equal("r-same", error.RunId);
        Assert.NotEqual("the other replica", (await storage.Runs.FindAsync("r-same", Ct))!.Settings.StartedBy);
    }

    [SkippableFact]
    public async Task Find_of_an_unknown_run_returns_null()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);

        Assert.Null(await storage.Runs.FindAsync("r-missing", Ct));
    }

    [SkippableFact]
    public async Task Save_bumps_the_version_and_stamps_the_update_time()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        await storage.Runs.CreateAsync(SampleRuns.InValidation("r-1", StorageFixture.Start), Ct);
        var run = (await storage.Runs.FindAsync("r-1", Ct))!;
        storage.Time.Advance(TimeSpan.FromMinutes(5));

        run.Validation.State = nameof(ValidationState.Completed);
        await storage.Runs.SaveAsync(run, Ct);

        Assert.Equal(2, run.Version);
        var stored = (await storage.Runs.FindAsync("r-1", Ct))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(StorageFixture.Start.AddMinutes(5), stored.UpdatedAt);
        Assert.Equal(StorageFixture.Start, stored.CreatedAt);
        Assert.Equal(nameof(ValidationState.Completed), stored.Validation.State);
    }

    [SkippableFact]
    public async Task Save_with_a_stale_version_throws_and_leaves_the_stored_document_unchanged()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        await storage.Runs.CreateAsync(SampleRuns.InValidation("r-1", StorageFixture.Start), Ct);
        var first = (await storage.Runs.FindAsync("r-1", Ct))!;
        var stale = (await storage.Runs.FindAsync("r-1", Ct))!;
        first.Validation.CurrentIp = "198.51.100.1";
        await storage.Runs.SaveAsync(first, Ct);
        var before = RunJson.Serialize((await storage.Runs.FindAsync("r-1", Ct))!);

        stale.Validation.CurrentIp = "192.0.2.99";
        var error = await Assert.ThrowsAsync<RunConcurrencyException>(() => storage.Runs.SaveAsync(stale, Ct));

        Assert.Equal("r-1", error.RunId);
        Assert.Equal(1, error.ExpectedVersion);
        Assert.Equal(1, stale.Version);
        Assert.Equal(before, RunJson.Serialize((await storage.Runs.FindAsync("r-1", Ct))!));
    }

    [SkippableFact]
    public async Task Save_of_a_run_that_was_never_created_throws_a_concurrency_exception()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);

        await Assert.ThrowsAsync<RunConcurrencyException>(
            () => storage.Runs.SaveAsync(SampleRuns.InValidation("r-ghost", StorageFixture.Start), Ct));
    }

    [SkippableFact]
    public async Task Concurrent_saves_from_the_same_read_let_exactly_one_win()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        await storage.Runs.CreateAsync(SampleRuns.InValidation("r-1", StorageFixture.Start), Ct);
        const int writers = 8;
        var copies = new List<PlaybookRun>();
        for (var i = 0; i < writers; i++)
        {
            var copy = (await storage.Runs.FindAsync("r-1", Ct))!;
            copy.Validation.CurrentIp = $"192.0.2.{i}";
            copies.Add(copy);
        }

        var outcomes = await Task.WhenAll(copies.Select(copy => Task.Run(async () =>
        {
            try
            {
                await storage.Runs.SaveAsync(copy, Ct);
                return copy.Validation.CurrentIp;
            }
            catch (RunConcurrencyException)
            {
                return null;
            }
        }, Ct)));

        var winner = Assert.Single(outcomes, o => o is not null);
        var stored = (await storage.Runs.FindAsync("r-1", Ct))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(winner, stored.Validation.CurrentIp);
    }

    [SkippableFact]
    public async Task List_returns_newest_first_with_state_and_section()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var older = SampleRuns.InValidation("r-older", StorageFixture.Start);
        var newer = SampleRuns.InValidation("r-newer", StorageFixture.Start.AddHours(2));
        newer.State = RunState.Resolved;
        newer.Hunt.State = nameof(HuntState.NothingFound);
        newer.Validation.State = nameof(ValidationState.Idle);
        newer.Closure.State = nameof(ClosureState.Resolved);
        var middle = SampleRuns.InValidation("r-middle", StorageFixture.Start.AddHours(1));
        await storage.Runs.CreateAsync(older, Ct);
        await storage.Runs.CreateAsync(newer, Ct);
        await storage.Runs.CreateAsync(middle, Ct);

        var list = await storage.Runs.ListAsync(10, Ct);

        Assert.Equal(["r-newer", "r-middle", "r-older"], list.Select(r => r.Id));
        Assert.Equal(RunState.Resolved, list[0].State);
        Assert.Equal(RunSections.Done, list[0].Section);
        Assert.Equal("Validation", list[1].Section);
        Assert.Equal(StorageFixture.Start.AddHours(1), list[1].CreatedAt);
        Assert.Equal(2, (await storage.Runs.ListAsync(2, Ct)).Count);
    }

    [SkippableFact]
    public async Task List_shows_the_section_recorded_by_the_last_save()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        await storage.Runs.CreateAsync(SampleRuns.InValidation("r-1", StorageFixture.Start), Ct);
        var run = (await storage.Runs.FindAsync("r-1", Ct))!;

        run.Validation.State = nameof(ValidationState.Completed);
        run.Containment.State = nameof(ContainmentState.AwaitingHelpdeskCall);
        await storage.Runs.SaveAsync(run, Ct);

        Assert.Equal("Containment", (await storage.Runs.ListAsync(1, Ct))[0].Section);
    }
}

/// <summary>Every <see cref="EfRunStoreTests"/> case on a real PostgreSQL server.</summary>
public sealed class EfRunStorePostgresTests : EfRunStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
