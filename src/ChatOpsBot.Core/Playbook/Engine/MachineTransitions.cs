using ChatOpsBot.Core.Runs;
using Stateless;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>Wires a section machine's transitions onto the run's timeline and the log (one entry per transition).</summary>
public static class MachineTransitions
{
    /// <summary>Records every transition of <paramref name="machine"/> while <paramref name="context"/> is set.</summary>
    public static StateMachine<TState, TTrigger> RecordedBy<TState, TTrigger>(this StateMachine<TState, TTrigger> machine, PlaybookSection section, SectionContext? context)
        where TState : struct, Enum where TTrigger : struct, Enum
    {
        if (context is null) return machine;
        machine.OnTransitioned(t =>
        {
            if (t.IsReentry) return;
            context.Record(TimelineEntryKind.Transition, section, $"{t.Source} → {t.Destination} ({t.Trigger})");
            Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(context.Logger,
                "Run {RunId} {Section}: {Source} -> {Destination} on {Trigger}", context.Run.Id, section, t.Source, t.Destination, t.Trigger);
        });
        return machine;
    }

    /// <summary>Parses a persisted enum name, failing loudly on a corrupt document.</summary>
    public static TState Parse<TState>(string name) where TState : struct, Enum =>
        Enum.TryParse<TState>(name, out var state) ? state
            : throw new InvalidOperationException($"Unknown {typeof(TState).Name} '{name}' in the stored run.");
}
