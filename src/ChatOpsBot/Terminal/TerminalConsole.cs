namespace ChatOpsBot.Terminal;

/// <summary>The terminal's input and output, injectable so tests can drive terminal mode.</summary>
/// <param name="Out">Where prompts and notifications go (the dialogue): stdout, or stderr when stdout carries a report.</param>
/// <param name="In">Where answers come from (stdin).</param>
/// <param name="EchoInput">Print each answer read, so a transcript of piped input reads like a session.</param>
public sealed record TerminalConsole(TextWriter Out, TextReader In, bool EchoInput)
{
    /// <summary>Where the report goes; null means <see cref="Out"/>.</summary>
    public TextWriter? ReportOut { get; init; }

    /// <summary>Where the one-line outcome, hints and errors go (never mixed into a report on stdout).</summary>
    public TextWriter? StatusOut { get; init; }

    /// <summary>Where errors go (stderr for the process); null means <see cref="Status"/>.</summary>
    public TextWriter? ErrorOut { get; init; }

    /// <summary>The error writer.</summary>
    public TextWriter Error => ErrorOut ?? Status;

    /// <summary>The report's writer.</summary>
    public TextWriter Report => ReportOut ?? Out;

    /// <summary>The status writer.</summary>
    public TextWriter Status => StatusOut ?? Out;

    /// <summary>The process's own stdout and stdin.</summary>
    public static TerminalConsole Process() => new(Console.Out, Console.In, Console.IsInputRedirected) { ErrorOut = Console.Error };

    /// <summary>
    /// The process's console for a verb whose stdout is reserved for a machine-readable report: the dialogue goes to
    /// stderr (or nowhere when <paramref name="quiet"/>), so <c>hunt ... --report json | jq</c> reads the report alone.
    /// </summary>
    public static TerminalConsole ForReport(bool quiet) =>
        new(quiet ? TextWriter.Null : Console.Error, Console.In, Console.IsInputRedirected) { ReportOut = Console.Out, StatusOut = Console.Error, ErrorOut = Console.Error };
}
