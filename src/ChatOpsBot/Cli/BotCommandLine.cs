using System.CommandLine;
using System.CommandLine.Parsing;
using ChatOpsBot.Web;

namespace ChatOpsBot.Cli;

/// <summary>The command line: terminal verbs, and the web service when no verb (or <c>serve</c>) is given.</summary>
public static class BotCommandLine
{
    /// <summary>The root command.</summary>
    public static RootCommand Build()
    {
        var serve = new Command("serve", "Run the web service (Slack, Teams, health). ASPNETCORE_URLS sets the address.");
        serve.SetAction((_, ct) => WebHost.RunAsync([], ct));
        var root = new RootCommand("ChatOpsBot: the C2 malware detection hunt, in Slack, Teams or the terminal.")
        {
            HuntCommand.Create(), RunsCommand.Create(), GraphCommand.Create(), CheckCommand.Create(), serve, HelpCommand.Create(),
        };
        root.SetAction((_, ct) => WebHost.RunAsync([], ct));
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A command line that does not parse gets one line on
    /// <paramref name="error"/> (stderr by default) and <see cref="TerminalVerb.BadConfiguration"/>, not the help page.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            await (error ?? Console.Error).WriteLineAsync(ParseErrorLine(parse)).ConfigureAwait(false);
            return TerminalVerb.BadConfiguration;
        }
        // SIGINT/SIGTERM are handled per verb (TerminalSignals for terminal verbs, the web host's lifetime for serve).
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every parse error on one line, with the help command for the verb that failed.</summary>
    internal static string ParseErrorLine(ParseResult parse)
    {
        var messages = parse.Errors.Select(e => OneLine(e.Message)).Distinct(StringComparer.Ordinal);
        var verbs = new List<string>();
        for (var result = parse.CommandResult; result.Command is not RootCommand; result = (CommandResult)result.Parent!)
            verbs.Insert(0, result.Command.Name);
        return $"{string.Join(" ", messages)} See: ChatOpsBot{string.Concat(verbs.Select(v => " " + v))} --help";
    }

    // System.CommandLine's messages may list alternatives on their own lines; the user gets one line.
    private static string OneLine(string message)
    {
        var line = string.Join(" ", message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.EndsWith('.') || line.EndsWith('?') ? line : line + ".";
    }
}
