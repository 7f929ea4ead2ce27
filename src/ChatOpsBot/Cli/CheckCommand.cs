using System.CommandLine;
using ChatOpsBot.Composition;
using ChatOpsBot.Slack;
using ChatOpsBot.Teams;
using ChatOpsBot.Terminal;

namespace ChatOpsBot.Cli;

/// <summary><c>check</c>: probes the database, the hunt's inputs and every configured connector and channel; one line each, exit 1 if any fails.</summary>
public static class CheckCommand
{
    /// <summary>Exit code when a check fails.</summary>
    public const int Unhealthy = 1;

    /// <summary>The command.</summary>
    public static Command Create()
    {
        var command = new Command("check",
            "Check the database, the hunt's inputs (feed, logs, intel, mailboxes, assets) and each configured connector and chat channel: one line each (no secrets printed).");
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
        }, cancellationToken, configure: AddChatChecks);

    // The chat channels are the service's, not the terminal's: only their checks are added, never their connections
    // (the Socket Mode check asks Slack for a connection URL once with the app token, and opens no socket).
    private static void AddChatChecks(IServiceCollection services, IConfiguration configuration)
    {
        if (ChatChannelSwitches.Slack(configuration)) services.AddSlackCheck(configuration).AddSlackSocketModeCheck(configuration);
        if (ChatChannelSwitches.Teams(configuration)) services.AddTeamsCheck(configuration);
    }

    /// <summary>One line per result: status, name, message.</summary>
    public static string Format(IReadOnlyList<CheckResult> results)
    {
        var width = results.Max(r => r.Name.Length);
        return string.Join(Environment.NewLine, results.Select(r =>
            $"{(r.Healthy ? "OK  " : "FAIL")}  {r.Name.PadRight(width)}  {TerminalText.Safe(r.Message)}"));
    }
}
