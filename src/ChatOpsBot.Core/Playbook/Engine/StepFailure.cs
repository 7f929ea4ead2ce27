using System.Globalization;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Intel;
using ChatOpsBot.Core.Playbook.Coverage;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>
/// When a step fails for good (a connector down after its own retries), the run is not lost: the analyst is
/// asked to retry the step, skip it where the section allows, or stop the run. These options belong to the
/// engine; skipping asks the section to fire the step's event with an empty result.
/// </summary>
public static class StepFailure
{
    /// <summary>Option: run the failed step again.</summary>
    public const string Retry = "RetryStep";
    /// <summary>Option: go on without this step's result (offered where the section allows it).</summary>
    public const string Skip = "SkipStep";
    /// <summary>Option: stop the run (it stays on record as Abandoned).</summary>
    public const string Abandon = "AbandonRun";

    /// <summary>The error a step-failure prompt reports (its "Error" fact), or "" for other prompts.</summary>
    public static string ErrorOf(Prompt prompt) => prompt.Facts.FirstOrDefault(f => f.Label == "Error")?.Value ?? "";

    /// <summary>True for a prompt that asks what to do about a failed step.</summary>
    public static bool IsFailurePrompt(Prompt prompt) => prompt.FindOption(Retry) is not null;

    /// <summary>True for the engine's own options.</summary>
    public static bool IsEngineOption(string value) => value is Retry or Skip or Abandon;

    /// <summary>Opens the retry, skip (when <paramref name="canSkip"/>) or stop prompt.</summary>
    public static void Ask(SectionContext context, PlaybookSection section, Exception error, bool canSkip)
    {
        var message = error.Message.Length > 300 ? error.Message[..300] + "…" : error.Message;
        context.Record(TimelineEntryKind.StepFailed, section, $"{error.GetType().Name}: {message}");
        if (error is IntelQuotaExhaustedException quota)
        {
            AskAfterQuota(context, section, quota, canSkip);
            return;
        }
        context.Ask(section, PromptKind.Choice, $"{SectionNames.Friendly(section)} step failed: retry?",
            canSkip
                ? [new PromptOption(Retry, "Retry", OptionStyle.Primary), new PromptOption(Skip, "Skip this step"), new PromptOption(Abandon, "Stop the run", OptionStyle.Danger)]
                : [new PromptOption(Retry, "Retry", OptionStyle.Primary), new PromptOption(Abandon, "Stop the run", OptionStyle.Danger)],
            canSkip
                ? "The bot could not finish this step. Nothing was lost; retry once the system is back, skip the step (the playbook goes on without its result), or stop the run."
                : "The bot could not finish this step. Nothing was lost; retry once the system is back, or stop the run.",
            [new Fact("Section", SectionNames.Friendly(section)), new Fact("Error", message)], suggestion: Retry);
    }

    // A used-up quota is not an outage: retrying now fails the same way, so the prompt says when it resets and
    // offers to retry later (the open prompt waits) or to go on without the lookups.
    private static void AskAfterQuota(SectionContext context, PlaybookSection section, IntelQuotaExhaustedException quota, bool canSkip)
    {
        var resets = quota.ResetsAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var wait = quota.ResetsAt - context.Now;
        var inText = wait > TimeSpan.Zero ? $" (in {ElapsedText.Format(wait)})" : "";
        var retry = new PromptOption(Retry, "Retry later", OptionStyle.Primary);
        var abandon = new PromptOption(Abandon, "Stop the run", OptionStyle.Danger);
        context.Ask(section, PromptKind.Choice, $"{SectionNames.Friendly(section)} step: {quota.Provider}'s quota is used up",
            canSkip ? [retry, new PromptOption(Skip, "Skip this step"), abandon] : [retry, abandon],
            $"{quota.Provider} allows {quota.Quota} and this key has used it. Nothing was lost: answer Retry later once the quota resets at {resets}{inText}"
            + (canSkip ? ", or skip the step (the playbook goes on without these lookups)." : "."),
            [new Fact("Section", SectionNames.Friendly(section)), new Fact("Provider", quota.Provider), new Fact("Quota", quota.Quota), new Fact("Resets", resets + inText)],
            suggestion: canSkip ? Skip : Retry);
    }
}
