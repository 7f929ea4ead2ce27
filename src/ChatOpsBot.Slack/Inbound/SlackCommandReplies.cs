using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Slack.Escaping;

namespace ChatOpsBot.Slack.Inbound;

/// <summary>
/// Renders a command's result as a slash-command reply in mrkdwn. Every outside string, and the grammar's usage lines
/// (whose <c>&lt;run&gt;</c> Slack would read as a link), goes through <see cref="SlackText"/>.
/// </summary>
public static class SlackCommandReplies
{
    /// <summary>The slash command as analysts type it.</summary>
    public const string Prefix = "/c2hunt";

    /// <summary>The reply to <paramref name="userId"/>'s command.</summary>
    public static JsonObject Render(CommandResult result, string userId) => result switch
    {
        RunStartedResult started => SlackReplies.InChannel(
            $"<@{SlackText.Escape(userId)}> started C2 hunt {SlackText.Code(started.Run.Id)} over {Time(started.Run.Settings.WindowFrom)} → {Time(started.Run.Settings.WindowTo)}. " +
            $"Findings and questions will appear in <#{SlackText.Escape(started.Run.Settings.ChannelAddress)}>."),
        RunStatusResult status => SlackReplies.Ephemeral(Status(status)),
        RunListResult { Runs.Count: 0 } => SlackReplies.Ephemeral($"No runs yet. Start one with {SlackText.Code($"{Prefix} start")}."),
        RunListResult list => SlackReplies.Ephemeral("*Recent runs*\n" + string.Join('\n', list.Runs.Select(r =>
            $"{SlackText.Code(r.Id)} {r.State} · {SlackText.Escape(r.Section)} · started {Time(r.CreatedAt)}"))),
        ResumeRequestedResult resume => SlackReplies.Ephemeral(
            $"Resuming {SlackText.Code(resume.RunId)}; its open question (if any) is posted again in {SlackText.Escape(resume.Channel)}."),
        RunCancelledResult cancelled => SlackReplies.Ephemeral($"Run {SlackText.Code(cancelled.RunId)} is cancelled (on record as Abandoned)."),
        GraphResult graph => SlackReplies.Ephemeral($"*{graph.Section}* state machine ({graph.Format}):\n```{SlackText.Truncate(SlackText.Escape(graph.Source), 35_000)}```"),
        HelpResult help => SlackReplies.Ephemeral(Help(help.Commands)),
        CommandRefusedResult refused => SlackReplies.Ephemeral(SlackText.Escape(refused.Message) + (refused.ShowUsage ? "\n" + Usage(refused.Syntax) : "")),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.GetType().Name, "No Slack rendering for this result."),
    };

    /// <summary>The help: one line per command of the grammar, usage as code, placeholders escaped.</summary>
    public static string Help(IEnumerable<CommandSyntax> commands)
    {
        var sb = new StringBuilder("*C2 hunt bot* — commands:\n");
        foreach (var c in commands)
        {
            sb.Append("• ").Append(SlackText.Code($"{Prefix} {c.Usage}")).Append(" — ").Append(SlackText.Escape(c.Summary));
            if (c.Examples.Count > 0) sb.Append(" e.g. ").Append(string.Join(", ", c.Examples.Select(e => SlackText.Code($"{Prefix} {e}"))));
            sb.Append('\n');
        }
        return sb.ToString().TrimEnd();
    }

    private static string Usage(CommandSyntax? syntax) =>
        "Usage: " + string.Join(" · ", (syntax is null ? CommandGrammar.Commands : [syntax]).Select(c => SlackText.Code($"{Prefix} {c.Usage}")));

    private static string Status(RunStatusResult status)
    {
        var run = status.Run;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"*Run* {SlackText.Code(run.Id)}: *{run.State}* in {SlackText.Escape(status.Section)}, started by {SlackText.Escape(run.Settings.StartedBy)} at {Time(run.CreatedAt)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"Hits: {run.Hits.Count} · remote IPs: {run.RemoteIps.Count} · compromised hosts: {run.Hosts.Count} · ticket: {SlackText.Escape(run.Ticket?.Id ?? "none")}\n");
        sb.Append(CultureInfo.InvariantCulture, $"Open question: {SlackText.Escape(run.Prompt?.Title ?? "none")}");
        return sb.ToString();
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
