using ChatOpsBot.Core.Runs;

// Each section's test class declares the static Transitions and States tables; xUnit resolves the
// member on the concrete test class, which the analyser cannot see from this abstract base.
#pragma warning disable xUnit1015

namespace ChatOpsBot.Core.Tests.Playbook;

/// <summary>
/// Table-driven checks of one section machine, built with the section's static <c>CreateMachine</c> over a
/// run the test arranges. Each row says: in this state, with work pending or not (what the guards look at),
/// this trigger is permitted and leads there. Anything not in the table must not be permitted.
/// </summary>
public abstract class MachineTableTests<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    /// <summary>A run in <paramref name="state"/> whose data makes the guards see pending work or not.</summary>
    protected abstract PlaybookRun Arrange(TState state, bool pending);

    /// <summary>The section's persisted state name on the run.</summary>
    protected abstract string Persisted(PlaybookRun run);

    /// <summary>The state of a machine freshly built over <paramref name="run"/>.</summary>
    protected abstract TState Rebuilt(PlaybookRun run);

    /// <summary>CanFire on a fresh machine; parameterised triggers are asked with an argument their guard accepts.</summary>
    protected abstract bool CanFire(PlaybookRun run, TTrigger trigger);

    /// <summary>Fire on a fresh machine; parameterised triggers get an argument their guard accepts.</summary>
    protected abstract void Fire(PlaybookRun run, TTrigger trigger);

    /// <summary>The table: rows with a null pending hold whatever the data.</summary>
    protected abstract IReadOnlyList<(TState From, bool? Pending, TTrigger Trigger, TState To)> Table { get; }

    protected static TheoryData<TState, bool, TTrigger, TState> Expand(IEnumerable<(TState From, bool? Pending, TTrigger Trigger, TState To)> rows)
    {
        var data = new TheoryData<TState, bool, TTrigger, TState>();
        foreach (var row in rows)
            foreach (var pending in row.Pending is { } p ? [p] : new[] { false, true })
                data.Add(row.From, pending, row.Trigger, row.To);
        return data;
    }

    protected static TheoryData<TState, bool> EveryStateAndData()
    {
        var data = new TheoryData<TState, bool>();
        foreach (var state in Enum.GetValues<TState>())
        {
            data.Add(state, false);
            data.Add(state, true);
        }
        return data;
    }

    private TTrigger[] Expected(TState state, bool pending) =>
        Table.Where(r => r.From.Equals(state) && (r.Pending ?? pending) == pending).Select(r => r.Trigger).Distinct().Order().ToArray();

    private TTrigger[] Permitted(PlaybookRun run) => Enum.GetValues<TTrigger>().Where(t => CanFire(run, t)).Order().ToArray();

    [Theory]
    [MemberData("Transitions")]
    public void Fire_PermittedTrigger_WritesDestinationNameToProgress(TState from, bool pending, TTrigger trigger, TState to)
    {
        var run = Arrange(from, pending);

        Fire(run, trigger);

        Assert.Equal(to.ToString(), Persisted(run));
        Assert.Contains($"\"state\":\"{to}\"", RunJson.Serialize(run), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData("Transitions")]
    public void CreateMachine_OverStoredRunAfterFire_ContinuesFromDestination(TState from, bool pending, TTrigger trigger, TState to)
    {
        var run = Arrange(from, pending);
        Fire(run, trigger);

        var stored = RunJson.Deserialize(RunJson.Serialize(run));

        Assert.Equal(to, Rebuilt(stored));
        Assert.Equal(Expected(to, pending), Permitted(stored));
    }

    [Theory]
    [MemberData("States")]
    public void CanFire_InEveryState_IsTrueExactlyForTheTable(TState state, bool pending)
    {
        var run = Arrange(state, pending);

        Assert.Equal(Expected(state, pending), Permitted(run));
    }

    [Theory]
    [MemberData("States")]
    public void Fire_TriggerNotInTable_ThrowsAndLeavesStateAlone(TState state, bool pending)
    {
        var stale = Enum.GetValues<TTrigger>().Except(Expected(state, pending));
        foreach (var trigger in stale)
        {
            var run = Arrange(state, pending);
            Assert.ThrowsAny<InvalidOperationException>(() => Fire(run, trigger));
            Assert.Equal(state.ToString(), Persisted(run));
        }
    }

    [Fact]
    public void ProgressOfNewRun_IsFirstState_ByName()
    {
        var run = new PlaybookRun();

        Assert.Equal(Enum.GetValues<TState>()[0].ToString(), Persisted(run));
        Assert.Equal(Enum.GetValues<TState>()[0], Rebuilt(run));
    }
}
