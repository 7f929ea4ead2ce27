using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook;

namespace ChatOpsBot.Core.Tests.Conversation;

/// <summary>The prompt view every channel renders: options with approver-only marks, the suggestion, times, the outcome.</summary>
public sealed class PromptViewsTests
{
    private static readonly Prompt Verdict = new()
    {
        Id = "r-1/p4", RunId = "r-1", Section = PlaybookSection.InitialCompromise, Kind = PromptKind.Choice, Title = "Is 185.220.101.47 tied to malware?",
        Options =
        [
            new PromptOption("ConfirmMalware", "Tied to malware", OptionStyle.Danger, RequiresApprover: true, RequiredApprovals: 2),
            new PromptOption("DismissAsBenign", "Not malicious"),
        ],
        Suggestion = "confirmmalware", OpenedAt = new DateTimeOffset(2026, 11, 28, 9, 5, 30, TimeSpan.FromHours(1)),
        Approvals = [new Approval("ConfirmMalware", new Actor("slack:U1", "ann", true), new DateTimeOffset(2026, 11, 28, 8, 7, 0, TimeSpan.Zero))],
    };

    [Fact]
    public void An_open_prompt_marks_approver_only_options_and_the_suggestion_and_writes_times_in_utc()
    {
        var view = PromptViews.Open(Verdict);

        Assert.Equal("Is 185.220.101.47 tied to malware?", view.Title);
        Assert.Equal("Initial compromise", view.Section);
        Assert.Equal(["Tied to malware", "Not malicious"], view.Options.Select(o => o.Label));
        Assert.Equal("approvers only, 2 distinct approvers", view.Options[0].Note);
        Assert.True(view.Options[0].ApproverOnly);
        Assert.Null(view.Options[1].Note);
        Assert.True(view.Options[0].Suggested);
        Assert.False(view.Options[1].Suggested);
        Assert.Equal("Tied to malware", view.Suggestion);
        Assert.Equal("2026-11-28 08:05 UTC", view.AskedAt);
        Assert.Equal(["ann at 2026-11-28 08:07 UTC"], view.Approvals);
        Assert.Null(view.Outcome);
        Assert.DoesNotContain("r-1/p4", view.Title + view.Section + view.AskedAt, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answered_prompt_has_no_options_and_says_who_answered_what_and_when()
    {
        var closure = new PromptClosure(Verdict, "Record helpdesk ticket", "HD-004711",
            [new Actor("slack:U1", "ann", true), new Actor("slack:U2", "bob", true)], new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero), Automatic: false);

        var view = PromptViews.Answered(closure);

        Assert.Empty(view.Options);
        Assert.Equal("Record helpdesk ticket: HD-004711", view.Outcome!.Answer);
        Assert.Equal("Record helpdesk ticket: HD-004711 — answered by ann, bob at 2026-11-28 10:00 UTC", view.Outcome.Line);
        Assert.Equal(Verdict.Title, view.Title);
    }

    [Fact]
    public void An_automatic_answer_says_so()
    {
        var closure = new PromptClosure(Verdict, "Not malicious", null, [Actor.Auto()], DateTimeOffset.UnixEpoch, Automatic: true);

        Assert.Equal("Not malicious — answered by auto (automatic) at 1970-01-01 00:00 UTC", PromptViews.Answered(closure).Outcome!.Line);
    }
}
