using ChatOpsBot.Core.Playbook.InitialCompromise;
using ChatOpsBot.Core.Runs;
using static ChatOpsBot.Core.Playbook.InitialCompromise.InitialCompromiseState;
using static ChatOpsBot.Core.Playbook.InitialCompromise.InitialCompromiseTrigger;

namespace ChatOpsBot.Core.Tests.Playbook.InitialCompromise;

public sealed class InitialCompromiseSectionTests : MachineTableTests<InitialCompromiseState, InitialCompromiseTrigger>
{
    private static readonly (InitialCompromiseState, bool?, InitialCompromiseTrigger, InitialCompromiseState)[] Rows =
    [
        (Idle, true, NextUserSelected, SearchingMailbox),
        (Idle, false, AllUsersChecked, Completed),
        (SearchingMailbox, true, MailboxChecked, AwaitingMailReview),
        (SearchingMailbox, false, MailboxChecked, Idle),
        (AwaitingMailReview, null, ConfirmPhishing, ExportingMail),
        (AwaitingMailReview, true, DismissMail, AwaitingMailReview),
        (AwaitingMailReview, false, DismissMail, Idle),
        (ExportingMail, null, MailExported, AwaitingHandover),
        (AwaitingHandover, null, HandOverPhishing, RecordingHandover),
        (RecordingHandover, true, HandoverRecorded, AwaitingMailReview),
        (RecordingHandover, false, HandoverRecorded, Idle),
    ];

    public static TheoryData<InitialCompromiseState, bool, InitialCompromiseTrigger, InitialCompromiseState> Transitions => Expand(Rows);
    public static TheoryData<InitialCompromiseState, bool> States => EveryStateAndData();

    protected override IReadOnlyList<(InitialCompromiseState From, bool? Pending, InitialCompromiseTrigger Trigger, InitialCompromiseState To)> Table => Rows;

    /// <summary>Pending: another user's mailbox is unchecked and the current user has a flagged mail awaiting review.</summary>
    protected override PlaybookRun Arrange(InitialCompromiseState state, bool pending)
    {
        var run = new PlaybookRun { Id = "r-test" };
        run.InitialCompromise.State = state.ToString();
        run.InitialCompromise.CurrentUser = "jdoe";
        run.InitialCompromise.CurrentMail = "msg-1";
        run.Users.Add(new UserMailCase { User = "jdoe", Checked = true });
        run.Users.Add(new UserMailCase { User = "asmith", Checked = !pending });
        run.Mails.Add(new SuspiciousMail { User = "jdoe", MessageId = "msg-1", Status = MailStatus.Phishing });
        run.Mails.Add(new SuspiciousMail { User = "asmith", MessageId = "msg-9" });
        if (pending) run.Mails.Add(new SuspiciousMail { User = "jdoe", MessageId = "msg-2" });
        return run;
    }

    protected override string Persisted(PlaybookRun run) => run.InitialCompromise.State;
    protected override InitialCompromiseState Rebuilt(PlaybookRun run) => InitialCompromiseSection.CreateMachine(run).Machine.State;

    protected override bool CanFire(PlaybookRun run, InitialCompromiseTrigger trigger)
    {
        var (machine, handOver) = InitialCompromiseSection.CreateMachine(run);
        return trigger == HandOverPhishing ? machine.CanFire(handOver, "jane.analyst") : machine.CanFire(trigger);
    }

    protected override void Fire(PlaybookRun run, InitialCompromiseTrigger trigger)
    {
        var (machine, handOver) = InitialCompromiseSection.CreateMachine(run);
        if (trigger == HandOverPhishing) machine.Fire(handOver, "jane.analyst");
        else machine.Fire(trigger);
    }

    [Theory]
    [InlineData("jane.analyst", true)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    public void CanFire_HandOverPhishing_NeedsAColleagueNamed(string name, bool expected)
    {
        var (machine, handOver) = InitialCompromiseSection.CreateMachine(Arrange(AwaitingHandover, pending: false));

        Assert.Equal(expected, machine.CanFire(handOver, name));
    }

    [Fact]
    public void CanFire_PendingMailOfAnotherUser_DoesNotKeepCurrentUserInReview()
    {
        var run = Arrange(AwaitingMailReview, pending: false);
        var (machine, _) = InitialCompromiseSection.CreateMachine(run);

        machine.Fire(DismissMail);

        Assert.Equal(nameof(Idle), run.InitialCompromise.State);
    }
}
