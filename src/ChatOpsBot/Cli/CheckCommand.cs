using System.CommandLine;
using ChatOpsBot.Composition;
using ChatOpsBot.Terminal;

namespace ChatOpsBot.Cli;

/// <summary><c>check</c>: probes the database and every configured connector; one line each, exit 1 if any fails.</summary>
public static class CheckCommand
{
    /// <summary>Exit code when a check fails.</summary>
    public const int Unhealthy = 1;

    /// <summary>The command.</summary>
    public static Command Create()
    {
        var command = new Command("check", "Check that the database and each configured connector are reachable and authorised (no secrets printed).");
        command.SetAction((_, ct) => TerminalVerb.RunAsync(new Dictionary<string, string?>(), async (services, token) =>
        {
            var results = await services.GetRequiredService<ConnectorCheckRunner>().RunAsync(token).ConfigureAwait(false);
            Console.WriteLine(Format(results));
            return results.All(r => r.Healthy) ? 0 : Unhealthy;
        }, ct));
        return command;
    }

    /// <summary>One line per result: status, name, message.</summary>
    public static string Format(IReadOnlyList<CheckResult> results)
    {
        var width = results.Max(r => r.Name.Length);
        return string.Join(Environment.NewLine, results.Select(r =>
            $"{(r.Healthy ? "OK  " : "FAIL")}  {r.Name.PadRight(width)}  {TerminalText.Safe(r.Message)}"));
    }
}
