using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Playbook.Containment;
using ChatOpsBot.Core.Runs;
using static ChatOpsBot.Core.Playbook.Containment.ContainmentState;
using static ChatOpsBot.Core.Playbook.Containment.ContainmentTrigger;

namespace ChatOpsBot.Core.Tests.Playbook.Containment;

public sealed class ContainmentSectionTests : MachineTableTests<ContainmentState, ContainmentTrigger>
{
    private static readonly string Pattern = new PlaybookOptions().HelpdeskTicketPattern;
    private const string ValidNumber = "HD-123456";

    private static readonly (ContainmentState, bool?, ContainmentTrigger, ContainmentState)[] Rows =
    [
        (Idle, true, NextHostSelected, AwaitingHelpdeskCall),
        (Idle, false, AllHostsContained, Completed),
        (AwaitingHelpdeskCall, null, ConfirmHelpdeskCall, AwaitingHelpdeskTicket),
        (AwaitingHelpdeskTicket, null, SubmitHelpdeskTicket, RecordingHelpdeskTicket),
        (RecordingHelpdeskTicket, null, HelpdeskTicketRecorded, Idle),
        (Completed, true, PivotHostsArrived, Idle),
    ];

    public static TheoryData<ContainmentState, bool, ContainmentTrigger, ContainmentState> Transitions => Expand(Rows);
    public static TheoryData<ContainmentState, bool> States => EveryStateAndData();

    protected override IReadOnlyList<(ContainmentState From, bool? Pending, ContainmentTrigger Trigger, ContainmentState To)> Table => Rows;

    protected override PlaybookRun Arrange(ContainmentState state, bool pending)
    {
        var run = new PlaybookRun { Id = "r-test" };
        run.Containment.State = state.ToString();
        run.Containment.CurrentHost = "10.20.1.15";
        run.Hosts.Add(new CompromisedHost { Host = "10.20.1.15", Status = HostStatus.Contained });
        if (pending) run.Hosts.Add(new CompromisedHost { Host = "10.20.2.77", Origin = HitOrigin.Pivot });
        return run;
    }

    protected override string Persisted(PlaybookRun run) => run.Containment.State;
    protected override ContainmentState Rebuilt(PlaybookRun run) => ContainmentSection.CreateMachine(run, Pattern).Machine.State;

    protected override bool CanFire(PlaybookRun run, ContainmentTrigger trigger)
    {
        var (machine, submit) = ContainmentSection.CreateMachine(run, Pattern);
        return trigger == SubmitHelpdeskTicket ? machine.CanFire(submit, ValidNumber) : machine.CanFire(trigger);
    }

    protected override void Fire(PlaybookRun run, ContainmentTrigger trigger)
    {
        var (machine, submit) = ContainmentSection.CreateMachine(run, Pattern);
        if (trigger == SubmitHelpdeskTicket) machine.Fire(submit, ValidNumber);
        else machine.Fire(trigger);
    }

    [Theory]
    [InlineData("HD-123456", true)]
    [InlineData("INC123", true)]
    [InlineData("hd-123456", false)]
    [InlineData("HD-12", false)]
    [InlineData("call me", false)]
    [InlineData("", false)]
    public void CanFire_SubmitHelpdeskTicket_FollowsConfiguredPattern(string number, bool expected)
    {
        var run = Arrange(AwaitingHelpdeskTicket, pending: true);
        var (machine, submit) = ContainmentSection.CreateMachine(run, Pattern);

        Assert.Equal(expected, machine.CanFire(submit, number));
    }

    [Fact]
    public void Fire_SubmitHelpdeskTicketBreakingPattern_ThrowsAndStaysAwaiting()
    {
        var run = Arrange(AwaitingHelpdeskTicket, pending: true);
        var (machine, submit) = ContainmentSection.CreateMachine(run, Pattern);

        Assert.Throws<InvalidOperationException>(() => machine.Fire(submit, "nope"));
        Assert.Equal(nameof(AwaitingHelpdeskTicket), run.Containment.State);
    }

    [Fact]
    public void CanFire_SubmitHelpdeskTicketWithCustomPattern_UsesIt()
    {
        var run = Arrange(AwaitingHelpdeskTicket, pending: true);
        var (machine, submit) = ContainmentSection.CreateMachine(run, @"^SR\d{4}$");

        Assert.True(machine.CanFire(submit, "SR1234"));
        Assert.False(machine.CanFire(submit, ValidNumber));
    }
}
