namespace ChatOpsBot.Cli;

/// <summary>
/// Runtime switches for the short-lived terminal verbs, set before anything else runs. Both trade steady-state speed,
/// which a process that lives a second never reaches, for start-up: they spare compiling a few hundred dynamic
/// methods at full optimisation (issue 7, fixed cost). The web service keeps the defaults.
/// </summary>
public static class TerminalRuntimeSwitches
{
    /// <summary>
    /// The switches: dependency injection resolves with its reflection engine instead of emitting IL per service,
    /// and reflection calls (configuration binding, validation attributes) are interpreted instead of emitting a stub
    /// per member.
    /// </summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "Microsoft.Extensions.DependencyInjection.DisableDynamicEngine",
        "Switch.System.Reflection.ForceInterpretedInvoke",
    ];

    /// <summary>The verbs that run in the terminal and exit; anything else (no verb, <c>serve</c>) is the service.</summary>
    public static IReadOnlyList<string> TerminalVerbs { get; } = ["hunt", "runs", "graph", "check", "help"];

    /// <summary>True when <paramref name="args"/> start a terminal verb.</summary>
    public static bool AppliesTo(IReadOnlyList<string> args) => args.Count > 0 && TerminalVerbs.Contains(args[0], StringComparer.Ordinal);

    /// <summary>Sets the switches when <paramref name="args"/> start a terminal verb; must run first in Main.</summary>
    public static void ApplyFor(IReadOnlyList<string> args)
    {
        if (!AppliesTo(args)) return;
        foreach (var name in Names) AppContext.SetSwitch(name, true);
    }
}
