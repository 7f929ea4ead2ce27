using ChatOpsBot.Core.Playbook.Closure;
using ChatOpsBot.Core.Runs;
using static ChatOpsBot.Core.Playbook.Closure.ClosureState;
using static ChatOpsBot.Core.Playbook.Closure.ClosureTrigger;

namespace ChatOpsBot.Core.Tests.Playbook.Closure;

public sealed class ClosureSectionTests : MachineTableTests<ClosureState, ClosureTrigger>
{
    private static readonly (ClosureState, bool?, ClosureTrigger, ClosureState)[] Rows =
    [
        (Idle, false, Began, AwaitingCloseApproval),
        (AwaitingCloseApproval, null, ConfirmClose, ResolvingIncident),
        (ResolvingIncident, null, IncidentResolved, AwaitingUnusualAnswer),
        (AwaitingUnusualAnswer, null, ReportNothingUnusual, WritingShiftLog),
        (AwaitingUnusualAnswer, null, FlagUnusual, AwaitingUnusualDetails),
        (AwaitingUnusualDetails, null, DescribeUnusual, WritingShiftLog),
        (WritingShiftLog, null, ShiftLogWritten, Resolved),
    ];

    public static TheoryData<ClosureState, bool, ClosureTrigger, ClosureState> Transitions => Expand(Rows);
    public static TheoryData<ClosureState, bool> States => EveryStateAndData();

    protected override IReadOnlyList<(ClosureState From, bool? Pending, ClosureTrigger Trigger, ClosureState To)> Table => Rows;

    /// <summary>Pending: a compromised host is not contained yet.</summary>
    protected override PlaybookRun Arrange(ClosureState state, bool pending)
    {
        var run = new PlaybookRun { Id = "r-test" };
        run.Closure.State = state.ToString();
        run.RemoteIps.Add(new RemoteIpCase { Ip = "185.220.101.47", Status = IpVerdictStatus.Malware });
        run.Hosts.Add(new CompromisedHost { Host = "10.20.1.15", Status = pending ? HostStatus.ChecklistConfirmed : HostStatus.Contained });
        return run;
    }

    protected override string Persisted(PlaybookRun run) => run.Closure.State;
    protected override ClosureState Rebuilt(PlaybookRun run) => ClosureSection.CreateMachine(run).Machine.State;

    protected override bool CanFire(PlaybookRun run, ClosureTrigger trigger)
    {
        var (machine, describe) = ClosureSection.CreateMachine(run);
        return trigger == DescribeUnusual ? machine.CanFire(describe, "new technique") : machine.CanFire(trigger);
    }

    protected override void Fire(PlaybookRun run, ClosureTrigger trigger)
    {
        var (machine, describe) = ClosureSection.CreateMachine(run);
        if (trigger == DescribeUnusual) machine.Fire(describe, "new technique");
        else machine.Fire(trigger);
    }

    [Theory]
    [InlineData("new technique", true)]
    [InlineData(" ", false)]
    public void CanFire_DescribeUnusual_NeedsWords(string words, bool expected)
    {
        var (machine, describe) = ClosureSection.CreateMachine(Arrange(AwaitingUnusualDetails, pending: false));

        Assert.Equal(expected, machine.CanFire(describe, words));
    }

    [Fact]
    public void NothingPending_IpAwaitingVerdict_IsFalse()
    {
        var run = Arrange(Idle, pending: false);
        run.RemoteIps.Add(new RemoteIpCase { Ip = "93.184.216.34" });

        Assert.False(ClosureSection.NothingPending(run));
        Assert.False(ClosureSection.CreateMachine(run).Machine.CanFire(Began));
    }
}
