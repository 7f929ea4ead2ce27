using System.Globalization;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Conversation;

namespace ChatOpsBot.Teams.Cards;

/// <summary>
/// A run's live status card (the root of the run's thread) as an Adaptive Card: section, counts of hits / confirmed /
/// contained, and what is waiting on whom. Every string from the view is escaped once here.
/// </summary>
public static class StatusCards
{
    public static JsonObject Render(RunStatusView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new JsonArray
        {
            AdaptiveCard.Text(TeamsText.Markdown($"Run {view.RunId} · started by {view.StartedBy} · window {view.Window}"), subtle: true, size: "Small"),
            AdaptiveCard.Text(TeamsText.Escape(view.Title), weight: "Bolder", size: "Medium", color: view.Finished ? "Good" : null),
            AdaptiveCard.Facts(
            [
                ("Section", view.Section),
                ("State", view.State),
                ("Hits", Count(view.Hits)),
                ("Confirmed C2 IPs", Count(view.Confirmed) + (view.PendingVerdicts > 0 ? $" ({Count(view.PendingVerdicts)} to decide)" : "")),
                ("Hosts contained", $"{Count(view.Contained)} of {Count(view.Hosts)}"),
                ("Incident", view.Ticket ?? "none"),
            ]),
        };
        if (view.WaitingFor is not null)
            body.Add(AdaptiveCard.Text(TeamsText.Markdown($"**Waiting on {view.WaitingOn}:** {view.WaitingFor}"), color: "Accent"));
        else if (view.Activity is not null)
            body.Add(AdaptiveCard.Text(TeamsText.Escape(view.Activity), subtle: true));
        return AdaptiveCard.Card(body);
    }

    /// <summary>The activity's summary (what a notification shows).</summary>
    public static string Summary(RunStatusView view) =>
        TeamsText.Plain(view.WaitingFor is null ? view.Title : $"{view.Title}: waiting on {view.WaitingOn}");

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
