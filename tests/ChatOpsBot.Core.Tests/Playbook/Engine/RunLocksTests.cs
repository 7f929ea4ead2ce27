using ChatOpsBot.Core.Playbook.Engine;

namespace ChatOpsBot.Core.Tests.Playbook.Engine;

public sealed class RunLocksTests
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task AcquireAsync_SameRun_SecondWaitsUntilTheFirstReleases()
    {
        var locks = new RunLocks();
        var first = await locks.AcquireAsync("r-1", Ct);

        var second = locks.AcquireAsync("r-1", Ct);
        await Task.Delay(50, Ct);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5), Ct)).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_OtherRun_DoesNotWait()
    {
        var locks = new RunLocks();
        using var first = await locks.AcquireAsync("r-1", Ct);

        var other = locks.AcquireAsync("r-2", Ct);

        Assert.True(other.IsCompletedSuccessfully);
        (await other).Dispose();
    }

    [Fact]
    public async Task Release_LastHolder_ForgetsTheRun()
    {
        var locks = new RunLocks();
        var held = await locks.AcquireAsync("r-1", Ct);
        var waiting = locks.AcquireAsync("r-1", Ct);
        Assert.Equal(1, locks.Count);

        held.Dispose();
        Assert.Equal(1, locks.Count); // the waiter holds it now
        (await waiting).Dispose();
        held.Dispose(); // twice: no effect

        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWaiter_LeavesNothingBehind()
    {
        var locks = new RunLocks();
        var held = await locks.AcquireAsync("r-1", Ct);
        using var cancel = new CancellationTokenSource();

        var waiting = locks.AcquireAsync("r-1", cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();

        Assert.Equal(0, locks.Count);
        (await locks.AcquireAsync("r-1", Ct)).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_ManyConcurrentCallers_OneAtATimeAndNoEntryLeft()
    {
        var locks = new RunLocks();
        var inside = new int[3];
        var most = new int[3];

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            var run = i % 3;
            using var _ = await locks.AcquireAsync($"r-{run}", Ct);
            InterlockedMax(ref most[run], Interlocked.Increment(ref inside[run]));
            await Task.Yield();
            Interlocked.Decrement(ref inside[run]);
        })));

        Assert.Equal([1, 1, 1], most);
        Assert.Equal(0, locks.Count);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
