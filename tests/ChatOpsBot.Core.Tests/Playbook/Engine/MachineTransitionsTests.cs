using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Playbook.Hunt;
using ChatOpsBot.Core.Playbook.InitialCompromise;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOpsBot.Core.Tests.Playbook.Engine;

public sealed class MachineTransitionsTests
{
    private static SectionContext ContextFor(PlaybookRun run)
    {
        var w = TestWorld.Demo();
        var ports = new PlaybookPorts(w.Feed, w.Siem, w.Intel, w.Ticketing, w.Mailbox, w.Assets, w.ShiftLog, w.Csv);
        return new SectionContext(run, ports, new PlaybookOptions(), w.Clock, new FeedCache(), NullLogger.Instance);
    }

    [Fact]
    public void Parse_UnknownStoredName_ThrowsNamingStateTypeAndValue()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MachineTransitions.Parse<HuntState>("Exploded"));

        Assert.Contains("HuntState 'Exploded'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateMachine_WithContext_RecordsEachTransitionOnTimeline()
    {
        var run = new PlaybookRun { Id = "r-1" };

        HuntSection.CreateMachine(run, ContextFor(run)).Fire(HuntTrigger.Started);

        var entry = Assert.Single(run.Timeline);
        Assert.Equal((TimelineEntryKind.Transition, "Hunt", "NotStarted → LoadingFeed (Started)", "bot"), (entry.Kind, entry.Section, entry.Value, entry.Actor));
    }

    [Fact]
    public void CreateMachine_WithoutContext_RecordsNothing()
    {
        var run = new PlaybookRun { Id = "r-1" };

        HuntSection.CreateMachine(run).Fire(HuntTrigger.Started);

        Assert.Empty(run.Timeline);
    }

    [Fact]
    public void CreateMachine_Reentry_IsNotRecorded()
    {
        var run = new PlaybookRun { Id = "r-1" };
        run.InitialCompromise.State = nameof(InitialCompromiseState.AwaitingMailReview);
        run.InitialCompromise.CurrentUser = "jdoe";
        run.Mails.Add(new SuspiciousMail { User = "jdoe", MessageId = "m-2" });

        InitialCompromiseSection.CreateMachine(run, ContextFor(run)).Machine.Fire(InitialCompromiseTrigger.DismissMail);

        Assert.Equal(nameof(InitialCompromiseState.AwaitingMailReview), run.InitialCompromise.State);
        Assert.Empty(run.Timeline);
    }
}
