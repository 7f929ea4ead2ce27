using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Playbook.Closure;
using ChatOpsBot.Core.Playbook.Containment;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Playbook.Hunt;
using ChatOpsBot.Core.Playbook.InitialCompromise;
using ChatOpsBot.Core.Playbook.Pivot;
using ChatOpsBot.Core.Playbook.Validation;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Tests.Playbook.Engine;

/// <summary>Only steps that call an external system can be skipped after they failed; prompts and bookkeeping cannot.</summary>
public sealed class SkippableStepsTests
{
    [Theory]
    [InlineData(PlaybookSection.Hunt, "LoadingFeed", true)]
    [InlineData(PlaybookSection.Hunt, "QueryingSiem", true)]
    [InlineData(PlaybookSection.Hunt, "NotStarted", false)]
    [InlineData(PlaybookSection.Hunt, "PostingFindings", false)]
    [InlineData(PlaybookSection.Validation, "LookingUpIntel", true)]
    [InlineData(PlaybookSection.Validation, "RecordingTicket", true)]
    [InlineData(PlaybookSection.Validation, "AwaitingVerdict", false)]
    [InlineData(PlaybookSection.Validation, "LookingUpIntelForAll", true)]
    [InlineData(PlaybookSection.Validation, "AwaitingTriage", false)]
    [InlineData(PlaybookSection.Containment, "RecordingHelpdeskTicket", true)]
    [InlineData(PlaybookSection.Containment, "AwaitingHelpdeskTicket", false)]
    [InlineData(PlaybookSection.Pivot, "CollectingIndicators", true)]
    [InlineData(PlaybookSection.Pivot, "AttachingIndicators", true)]
    [InlineData(PlaybookSection.Pivot, "QueryingSiem", true)]
    [InlineData(PlaybookSection.Pivot, "AwaitingGo", false)]
    [InlineData(PlaybookSection.InitialCompromise, "SearchingMailbox", true)]
    [InlineData(PlaybookSection.InitialCompromise, "ExportingMail", true)]
    [InlineData(PlaybookSection.InitialCompromise, "RecordingHandover", true)]
    [InlineData(PlaybookSection.InitialCompromise, "AwaitingHandover", false)]
    [InlineData(PlaybookSection.Closure, "ResolvingIncident", true)]
    [InlineData(PlaybookSection.Closure, "WritingShiftLog", true)]
    [InlineData(PlaybookSection.Closure, "AwaitingCloseApproval", false)]
    public void CanSkip_DependsOnWhetherTheStateCallsOut(PlaybookSection section, string state, bool expected)
    {
        var run = new PlaybookRun();
        IPlaybookSection subject = section switch
        {
            PlaybookSection.Hunt => new HuntSection(),
            PlaybookSection.Validation => new ValidationSection(),
            PlaybookSection.Containment => new ContainmentSection(),
            PlaybookSection.Pivot => new PivotSection(),
            PlaybookSection.InitialCompromise => new InitialCompromiseSection(),
            _ => new ClosureSection(),
        };
        switch (section)
        {
            case PlaybookSection.Hunt: run.Hunt.State = state; break;
            case PlaybookSection.Validation: run.Validation.State = state; break;
            case PlaybookSection.Containment: run.Containment.State = state; break;
            case PlaybookSection.Pivot: run.Pivot.State = state; break;
            case PlaybookSection.InitialCompromise: run.InitialCompromise.State = state; break;
            default: run.Closure.State = state; break;
        }

        Assert.Equal(expected, subject.CanSkip(run));
    }

    [Fact]
    public void CanSkip_ContainmentIdle_OnlyWhileTheNextHostsUserIsUnknown()
    {
        var run = new PlaybookRun { Hosts = [new CompromisedHost { Host = "10.0.0.1" }] };

        Assert.True(new ContainmentSection().CanSkip(run));
        run.Hosts[0].AssetLookedUp = true;
        Assert.False(new ContainmentSection().CanSkip(run));
    }
}
