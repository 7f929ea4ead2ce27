using System.CommandLine;
using ChatOpsBot.Composition;
using ChatOpsBot.Slack;
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
        command.SetAction((_, ct) => RunAsync(new Dictionary<string, string?>(), Console.Out, ct));
        return command;
    }

    /// <summary>Runs the checks with <paramref name="overrides"/> applied last and writes the lines to <paramref name="output"/>; returns the exit code.</summary>
    public static Task<int> RunAsync(IReadOnlyDictionary<string, string?> overrides, TextWriter output, CancellationToken cancellationToken) =>
        TerminalVerb.RunAsync(overrides, async (services, token) =>
        {
            var results = await services.GetRequiredService<ConnectorCheckRunner>().RunAsync(token).ConfigureAwait(false);
            await output.WriteLineAsync(Format(results)).ConfigureAwait(false);
            return results.All(r => r.Healthy) ? 0 : Unhealthy;
        }, cancellationToken,
        // Slack's channel is not part of the terminal host, but an operator checking the set-up wants to know the app token works.
        services: (services, configuration) => services.AddSlackSocketModeCheck(configuration));

    /// <summary>One line per result: status, name, message.</summary>
    public static string Format(IReadOnlyList<CheckResult> results)
    {
        var width = results.Max(r => r.Name.Length);
        return string.Join(Environment.NewLine, results.Select(r =>
            $"{(r.Healthy ? "OK  " : "FAIL")}  {r.Name.PadRight(width)}  {TerminalText.Safe(r.Message)}"));
    }
}
