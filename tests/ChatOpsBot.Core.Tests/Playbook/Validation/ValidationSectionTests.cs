using ChatOpsBot.Core.Playbook.Validation;
using ChatOpsBot.Core.Runs;
using static ChatOpsBot.Core.Playbook.Validation.ValidationState;
using static ChatOpsBot.Core.Playbook.Validation.ValidationTrigger;

namespace ChatOpsBot.Core.Tests.Playbook.Validation;

public sealed class ValidationSectionTests : MachineTableTests<ValidationState, ValidationTrigger>
{
    private static readonly (ValidationState, bool?, ValidationTrigger, ValidationState)[] Rows =
    [
        (Idle, true, NextIpSelected, LookingUpIntel),
        (Idle, false, AllIpsValidated, Completed),
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
        if (pending) run.RemoteIps.Add(new RemoteIpCase { Ip = "45.137.21.9", Origin = HitOrigin.Pivot });
        return run;
    }

    protected override string Persisted(PlaybookRun run) => run.Validation.State;
    protected override ValidationState Rebuilt(PlaybookRun run) => ValidationSection.CreateMachine(run).State;
    protected override bool CanFire(PlaybookRun run, ValidationTrigger trigger) => ValidationSection.CreateMachine(run).CanFire(trigger);
    protected override void Fire(PlaybookRun run, ValidationTrigger trigger) => ValidationSection.CreateMachine(run).Fire(trigger);

    [Theory]
    [InlineData(Completed, false, false)]
    [InlineData(Completed, true, true)]
    [InlineData(Idle, false, true)]
    public void HasWork_CompletedWithoutPendingIp_IsFalse(ValidationState state, bool pending, bool expected)
    {
        Assert.Equal(expected, new ValidationSection().HasWork(Arrange(state, pending)));
    }
}
