namespace ChatOpsBot.Terminal;

/// <summary>The terminal's input and output, injectable so tests can drive terminal mode.</summary>
/// <param name="Out">Where prompts, notifications and the report go (stdout).</param>
/// <param name="In">Where answers come from (stdin).</param>
/// <param name="EchoInput">Print each answer read, so a transcript of piped input reads like a session.</param>
public sealed record TerminalConsole(TextWriter Out, TextReader In, bool EchoInput)
{
    /// <summary>The process's own stdout and stdin.</summary>
    public static TerminalConsole Process() => new(Console.Out, Console.In, Console.IsInputRedirected);
}
