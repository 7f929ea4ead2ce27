using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Runs;
using Stateless.Reflection;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>
/// One playbook section: a Stateless machine rebuilt over the run each turn. <see cref="StepAsync"/> does the
/// next piece of automatic work (one side effect, one event trigger); <see cref="Answer"/> fires the analyst's trigger.
/// </summary>
public interface IPlaybookSection
{
    /// <summary>Which section.</summary>
    PlaybookSection Id { get; }

    /// <summary>True while the section has something left to do on <paramref name="run"/>.</summary>
    bool HasWork(PlaybookRun run);

    /// <summary>Does the next automatic step, or opens a prompt through <paramref name="context"/>.</summary>
    Task StepAsync(SectionContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Applies an accepted answer to the open prompt: fires the trigger named by the chosen option.
    /// Returns false when the machine no longer permits it (the answer is then stale).
    /// Only the triggers the open prompt offered reach here.
    /// </summary>
    bool Answer(SectionContext context, SectionAnswer answer);

    /// <summary>
    /// True when the step of the current state talks to an external system and can be skipped after it failed for
    /// good (e.g. an intel lookup: the analyst then decides without intel).
    /// </summary>
    bool CanSkip(PlaybookRun run);

    /// <summary>Skips the current state's step: records what the step would have produced as "nothing" and fires its event.</summary>
    void Skip(SectionContext context);

    /// <summary>The machine's configuration (states, triggers, guard descriptions), for Mermaid/DOT graphs.</summary>
    StateMachineInfo Describe();
}
