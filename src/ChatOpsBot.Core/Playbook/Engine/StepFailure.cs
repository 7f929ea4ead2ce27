using ChatOpsBot.Core.Dialog;
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
        context.Ask(section, PromptKind.Choice, $"{section} step failed: retry?",
            canSkip
                ? [new PromptOption(Retry, "Retry", OptionStyle.Primary), new PromptOption(Skip, "Skip this step"), new PromptOption(Abandon, "Stop the run", OptionStyle.Danger)]
                : [new PromptOption(Retry, "Retry", OptionStyle.Primary), new PromptOption(Abandon, "Stop the run", OptionStyle.Danger)],
            canSkip
                ? "The bot could not finish this step. Nothing was lost; retry once the system is back, skip the step (the playbook goes on without its result), or stop the run."
                : "The bot could not finish this step. Nothing was lost; retry once the system is back, or stop the run.",
            [new Fact("Section", section.ToString()), new Fact("Error", message)], suggestion: Retry);
    }
}
