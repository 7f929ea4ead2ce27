using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>
/// The analyst stand-in of <c>--auto</c>: answers each prompt with the option the evidence points to (the
/// prompt's suggestion), as many distinct automatic approvers as the option needs. Its answers are marked
/// automatic on the timeline.
/// </summary>
public sealed class AutoAnalyst(AnswerProcessor answers)
{
    /// <summary>Answers <paramref name="prompt"/>; returns the last result.</summary>
    public async Task<AnswerResult> AnswerAsync(Prompt prompt, CancellationToken cancellationToken)
    {
        var option = prompt.FindOption(prompt.Suggestion ?? "") ?? prompt.Options[0];
        AnswerResult result = new(AnswerOutcome.Stale, "not answered");
        for (var n = 1; n <= Math.Max(1, option.RequiredApprovals); n++)
        {
            result = await answers.AnswerAsync(
                new PromptAnswer(prompt.RunId, prompt.Id, option.Value, prompt.SuggestedText, Actor.Auto(n), Automatic: true), cancellationToken).ConfigureAwait(false);
            if (result.Outcome != AnswerOutcome.AwaitingMoreApprovals) break;
        }
        return result;
    }
}
