using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>
/// When a step fails for good (a connector down after its own retries), the run is not lost: the analyst is
/// asked to retry the step or stop the run. These options belong to the engine, not to a section machine.
/// </summary>
public static class StepFailure
{
    /// <summary>Option: run the failed step again.</summary>
    public const string Retry = "RetryStep";
    /// <summary>Option: stop the run (it stays on record as Abandoned).</summary>
    public const string Abandon = "AbandonRun";

    /// <summary>True for the engine's own options.</summary>
    public static bool IsEngineOption(string value) => value is Retry or Abandon;

    /// <summary>Opens the retry-or-stop prompt.</summary>
    public static void Ask(SectionContext context, PlaybookSection section, Exception error)
    {
        var message = error.Message.Length > 300 ? error.Message[..300] + "…" : error.Message;
        context.Record(TimelineEntryKind.StepFailed, section, $"{error.GetType().Name}: {message}");
        context.Ask(section, PromptKind.Choice, $"{section} step failed: retry?",
            [new PromptOption(Retry, "Retry", OptionStyle.Primary), new PromptOption(Abandon, "Stop the run", OptionStyle.Danger)],
            "The bot could not finish this step. Nothing was lost; retry once the system is back, or stop the run.",
            [new Fact("Section", section.ToString()), new Fact("Error", message)], suggestion: Retry);
    }
}
