using System.Globalization;
using System.Text;
using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Teams.Cards;

namespace ChatOpsBot.Teams.Activities;

/// <summary>
/// Renders a command's result as a Teams markdown message. Every outside string, and the grammar's usage lines (whose
/// <c>&lt;run&gt;</c> would read as an HTML tag), goes through <see cref="TeamsText.Escape"/>. Ids of stored runs are
/// the bot's own (letters, digits, dashes) and stay as they are, so an analyst copies them without backslashes.
/// </summary>
public static class TeamsCommandReplies
{
    /// <summary>The word that addresses the bot in a channel message.</summary>
    public const string Prefix = "c2hunt";

    /// <summary>The reply, in Teams markdown.</summary>
    public static string Render(CommandResult result) => result switch
    {
        RunStartedResult started =>
            $"Started run **{started.Run.Id}** over {PromptCards.Time(started.Run.Settings.WindowFrom)} → {PromptCards.Time(started.Run.Settings.WindowTo)}. " +
            "Questions come here; findings go to the SOC channel.",
        RunStatusResult status => Status(status),
        RunListResult { Runs.Count: 0 } => $"No runs yet. Start one with **{TeamsText.Escape($"{Prefix} start")}**.",
        RunListResult list => "Latest runs:\n\n" + string.Join("\n", list.Runs.Select(r =>
            $"- **{r.Id}** — {r.State}, {TeamsText.Escape(r.Section)}, started {PromptCards.Time(r.CreatedAt)}")),
        ResumeRequestedResult resume => $"Resuming run **{resume.RunId}**; its open question (if any) is posted again in {TeamsText.Escape(resume.Channel)}.",
        RunCancelledResult cancelled => $"Run **{cancelled.RunId}** is cancelled (on record as Abandoned).",
        GraphResult graph => $"{graph.Section} ({graph.Format}):\n\n```\n{graph.Source}\n```",
        HelpResult help => Help(help.Commands),
        CommandRefusedResult refused => TeamsText.Escape(refused.Message) + (refused.ShowUsage ? "\n\n" + Usage(refused.Syntax) : ""),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.GetType().Name, "No Teams rendering for this result."),
    };

    /// <summary>The help: one list item per command of the grammar, placeholders escaped.</summary>
    public static string Help(IEnumerable<CommandSyntax> commands)
    {
        var sb = new StringBuilder("**C2 hunt bot** — commands:\n\n");
        foreach (var c in commands)
        {
            sb.Append("- **").Append(TeamsText.Escape($"{Prefix} {c.Usage}")).Append("** — ").Append(TeamsText.Escape(c.Summary));
            if (c.Examples.Count > 0) sb.Append(" e.g. ").Append(string.Join(", ", c.Examples.Select(e => TeamsText.Escape($"{Prefix} {e}"))));
            sb.Append('\n');
        }
        return sb.ToString().TrimEnd();
    }

    private static string Usage(CommandSyntax? syntax) =>
        "Usage: " + string.Join(" · ", (syntax is null ? CommandGrammar.Commands : [syntax]).Select(c => TeamsText.Escape($"{Prefix} {c.Usage}")));

    private static string Status(RunStatusResult status)
    {
        var run = status.Run;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Run **{run.Id}**: {run.State} in {TeamsText.Escape(status.Section)}, started by {TeamsText.Escape(run.Settings.StartedBy)} {PromptCards.Time(run.CreatedAt)}, updated {PromptCards.Time(run.UpdatedAt)}.\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"- Hits: {run.Hits.Count}; remote IPs: {run.RemoteIps.Count}; compromised hosts: {run.Hosts.Count}\n");
        if (run.Ticket is { } ticket) sb.Append(CultureInfo.InvariantCulture, $"- Incident ticket: {TeamsText.Escape(ticket.Id)}\n");
        if (run.Prompt is { } prompt) sb.Append(CultureInfo.InvariantCulture, $"- Waiting for: {TeamsText.Escape(prompt.Title)} ({prompt.Section})\n");
        return sb.ToString().TrimEnd();
    }
}
