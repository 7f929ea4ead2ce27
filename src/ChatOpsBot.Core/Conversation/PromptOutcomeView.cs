using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Core.Conversation;

/// <summary>How an answered prompt was answered: what, by whom, when. Channels render <see cref="AnsweredBy"/> their way (Slack mentions).</summary>
/// <param name="Answer">The chosen option's label, with the entered text after a colon when there is one (raw).</param>
/// <param name="AnsweredBy">Everyone who answered (several under a two-person rule).</param>
/// <param name="At">When, as text (<see cref="PromptViews.Time"/>).</param>
/// <param name="Automatic">Answered by <c>--auto</c>.</param>
public sealed record PromptOutcomeView(string Answer, IReadOnlyList<Actor> AnsweredBy, string At, bool Automatic)
{
    /// <summary>The outcome as one raw line: "Not malicious — answered by ann at 2026-11-28 10:00 UTC".</summary>
    public string Line => $"{Answer} — answered by {string.Join(", ", AnsweredBy.Select(a => a.DisplayName))}{(Automatic ? " (automatic)" : "")} at {At}";
}
