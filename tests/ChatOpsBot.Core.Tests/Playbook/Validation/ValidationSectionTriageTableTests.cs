using ChatOpsBot.Core.Intel;
using ChatOpsBot.Core.Playbook.Validation;
using ChatOpsBot.Core.Runs;
using static ChatOpsBot.Core.Playbook.Validation.ValidationState;
using static ChatOpsBot.Core.Playbook.Validation.ValidationTrigger;

namespace ChatOpsBot.Core.Tests.Playbook.Validation;

/// <summary>
/// The machine with a triage threshold of 1, so one pending IP (whose intel has nothing against it) is a batch:
/// Idle triages before it asks one by one, and the batch look-up ends in the triage prompt.
/// </summary>
public sealed class ValidationSectionTriageTableTests : ValidationMachineTableTests
{
    protected override int Threshold => 1;

    private static readonly (ValidationState, bool?, ValidationTrigger, ValidationState)[] Rows =
    [
        (Idle, true, BatchSelected, LookingUpIntelForAll),
        (Idle, false, AllIpsValidated, Completed),
        (LookingUpIntelForAll, true, BatchIntelReceived, AwaitingTriage),
        (LookingUpIntelForAll, false, BatchIntelReceived, Idle),
        (AwaitingTriage, null, DismissUnflagged, Idle),
        (AwaitingTriage, null, ReviewEach, Idle),
        (LookingUpIntel, null, IntelReceived, AwaitingVerdict),
        (AwaitingVerdict, null, ConfirmMalware, RecordingTicket),
        (AwaitingVerdict, null, DismissAsBenign, Idle),
        (RecordingTicket, null, TicketRecorded, Idle),
        (Completed, true, PivotHitsArrived, Idle),
    ];

    public static TheoryData<ValidationState, bool, ValidationTrigger, ValidationState> Transitions => Expand(Rows);
    public static TheoryData<ValidationState, bool> States => EveryStateAndData();

    protected override IReadOnlyList<(ValidationState From, bool? Pending, ValidationTrigger Trigger, ValidationState To)> Table => Rows;

    protected override PlaybookRun Arrange(ValidationState state, bool pending)
    {
        var run = new PlaybookRun { Id = "r-test" };
        run.Validation.State = state.ToString();
        run.Validation.CurrentIp = "185.220.101.47";
        run.RemoteIps.Add(new RemoteIpCase { Ip = "185.220.101.47", Status = IpVerdictStatus.Malware });
        if (pending) run.RemoteIps.Add(new RemoteIpCase { Ip = "93.184.216.34", Intel = new IpIntel(Verdict.Unknown, [], "fake-otx") });
        return run;
    }

    [Fact]
    public void CanFire_IdleAfterTheBatchWasTriaged_SelectsTheNextIpInstead()
    {
        var run = Arrange(Idle, pending: true);
        run.Validation.BatchTriaged = true;

        var machine = ValidationSection.CreateMachine(run, Threshold);

        Assert.True(machine.CanFire(NextIpSelected));
        Assert.False(machine.CanFire(BatchSelected));
    }

    [Fact]
    public void CanFire_IdleWithTriageOff_SelectsTheNextIp()
    {
        var machine = ValidationSection.CreateMachine(Arrange(Idle, pending: true), triageThreshold: 0);

        Assert.True(machine.CanFire(NextIpSelected));
        Assert.False(machine.CanFire(BatchSelected));
    }

    [Fact]
    public void Fire_BatchIntelReceivedWhileIntelFlagsTheIp_ReturnsToIdle()
    {
        var run = Arrange(LookingUpIntelForAll, pending: true);
        run.RemoteIps[1].Intel = new IpIntel(Verdict.Suspicious, [], "fake-otx");

        ValidationSection.CreateMachine(run, Threshold).Fire(BatchIntelReceived);

        Assert.Equal(nameof(Idle), run.Validation.State);
    }
}
