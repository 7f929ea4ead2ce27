using System.Globalization;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Slack.Escaping;

namespace ChatOpsBot.Slack.BlockKit;

/// <summary>
/// Renders a run's live status card (the root of the run's thread): section, counts of hits / confirmed / contained,
/// and what is waiting on whom. Every string from the view is escaped once here.
/// </summary>
public static class StatusBlocks
{
    public static JsonArray Render(RunStatusView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var blocks = new JsonArray(Blocks.Header($"{(view.Finished ? "🏁" : "🛰️")} {view.Title}"));
        List<string> fields =
        [
            SlackText.Mrkdwn($"*Section*\n{view.Section}"),
            SlackText.Mrkdwn($"*State*\n{view.State}"),
            SlackText.Mrkdwn($"*Hits*\n{Count(view.Hits)}"),
            SlackText.Mrkdwn($"*Confirmed C2 IPs*\n{Count(view.Confirmed)}{(view.PendingVerdicts > 0 ? $" ({Count(view.PendingVerdicts)} to decide)" : "")}"),
            SlackText.Mrkdwn($"*Hosts contained*\n{Count(view.Contained)} of {Count(view.Hosts)}"),
            SlackText.Mrkdwn($"*Incident*\n{view.Ticket ?? "none"}"),
        ];
        blocks.Add(Blocks.Fields(fields));
        if (view.WaitingFor is not null)
            blocks.Add(Blocks.Section(SlackText.Mrkdwn($":hourglass_flowing_sand: *Waiting on {view.WaitingOn}:* {view.WaitingFor} (in the thread)")));
        else if (view.Activity is not null)
            blocks.Add(Blocks.Section(SlackText.Mrkdwn($":gear: {view.Activity}")));
        blocks.Add(Blocks.Context(SlackText.Mrkdwn($"Window {view.Window} · started by {view.StartedBy} · run {view.RunId} · prompts and step results are in the thread")));
        return blocks;
    }

    /// <summary>The notification text (what Slack shows where blocks are not rendered).</summary>
    public static string Fallback(RunStatusView view) =>
        SlackText.Truncate(SlackText.Escape(view.WaitingFor is null ? view.Title : $"{view.Title}: waiting on {view.WaitingOn}"), BlockLimits.MaxFallbackText);

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
