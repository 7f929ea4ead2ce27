using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Tests.Fakes;

/// <summary>The fake must behave like a real store, or the engine tests prove nothing.</summary>
public sealed class InMemoryRunStoreTests
{
    [Fact]
    public async Task SaveAsync_StaleVersion_ThrowsAndStoresNothing()
    {
        var store = new InMemoryRunStore();
        await store.CreateAsync(new PlaybookRun { Id = "r-1" }, CancellationToken.None);
        var first = (await store.FindAsync("r-1", CancellationToken.None))!;
        var second = (await store.FindAsync("r-1", CancellationToken.None))!;
        first.State = RunState.Resolved;
        await store.SaveAsync(first, CancellationToken.None);

        second.State = RunState.Abandoned;
        await Assert.ThrowsAsync<RunConcurrencyException>(() => store.SaveAsync(second, CancellationToken.None));

        var stored = (await store.FindAsync("r-1", CancellationToken.None))!;
        Assert.Equal((RunState.Resolved, 2), (stored.State, stored.Version));
    }

    [Fact]
    public async Task FindAsync_ReturnsFreshCopy_NotTheSavedInstance()
    {
        var store = new InMemoryRunStore();
        var run = new PlaybookRun { Id = "r-1" };
        await store.CreateAsync(run, CancellationToken.None);
        run.State = RunState.Resolved;

        Assert.Equal(RunState.Running, (await store.FindAsync("r-1", CancellationToken.None))!.State);
    }
}
