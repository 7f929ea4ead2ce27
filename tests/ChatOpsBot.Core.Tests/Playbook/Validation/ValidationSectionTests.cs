using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Playbook.Validation;
using ChatOpsBot.Core.Runs;
using static ChatOpsBot.Core.Playbook.Validation.ValidationState;
using static ChatOpsBot.Core.Playbook.Validation.ValidationTrigger;

namespace ChatOpsBot.Core.Tests.Playbook.Validation;

/// <summary>The machine under the default threshold: one pending IP never makes a batch to triage.</summary>
public sealed class ValidationSectionTests : ValidationMachineTableTests
{
    protected override int Threshold { get; } = new PlaybookOptions().TriageThreshold;

    private static readonly (ValidationState, bool?, ValidationTrigger, ValidationState)[] Rows =
    [
        (Idle, true, NextIpSelected, LookingUpIntel),
        (Idle, false, AllIpsValidated, Completed),
        (LookingUpIntel, null, IntelReceived, AwaitingVerdict),
        (AwaitingVerdict, null, ConfirmMalware, RecordingTicket),
        (AwaitingVerdict, null, DismissAsBenign, Idle),
        (RecordingTicket, null, TicketRecorded, Idle),
        (Completed, true, PivotHitsArrived, Idle),
        (LookingUpIntelForAll, true, BatchIntelReceived, LookingUpIntelForAll),
        (LookingUpIntelForAll, false, BatchIntelReceived, Idle),
        (AwaitingTriage, null, DismissUnflagged, Idle),
        (AwaitingTriage, null, ReviewEach, Idle),
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
        if (pending) run.RemoteIps.Add(new RemoteIpCase { Ip = "45.137.21.9", Origin = HitOrigin.Pivot });
        return run;
    }

    [Theory]
    [InlineData(Completed, false, false)]
    [InlineData(Completed, true, true)]
    [InlineData(Idle, false, true)]
    public void HasWork_CompletedWithoutPendingIp_IsFalse(ValidationState state, bool pending, bool expected)
    {
        Assert.Equal(expected, new ValidationSection().HasWork(Arrange(state, pending)));
    }
}
