using System.Text.Json.Nodes;
using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Teams.Cards;

/// <summary>Notifications as Adaptive Cards: title, text, facts, and tables cut to a few rows with the full list linked or attached.</summary>
public static class NotificationCards
{
    /// <summary>The card. <paramref name="fileLink"/> is the bot's own signed link to the full list, when it serves one.</summary>
    public static JsonObject Render(Notification notification, int maxRows, string? fileLink)
    {
        var body = new JsonArray
        {
            AdaptiveCard.Text($"{notification.Section} · run {TeamsText.Escape(notification.RunId)}", subtle: true, size: "Small"),
            AdaptiveCard.Text(TeamsText.Escape(notification.Title), weight: "Bolder", size: "Medium",
                color: notification.Kind == NotificationKind.Finding ? "Attention" : null),
        };
        if (notification.Text.Length > 0) body.Add(AdaptiveCard.Text(TeamsText.Escape(notification.Text)));
        if (notification.Facts.Count > 0) body.Add(AdaptiveCard.Facts(notification.Facts.Select(f => (f.Label, f.Value))));
        JsonArray? actions = null;
        if (notification.Table is { } table && table.Rows.Count > 0)
        {
            body.Add(AdaptiveCard.Table(table.Columns, table.Rows.Take(maxRows)));
            if (table.Rows.Count > maxRows)
            {
                var where = notification.Attachment is null ? "" : fileLink is null
                    ? $" — the full list is attached ({TeamsText.Escape(notification.Attachment.FileName)})"
                    : " — the full list is linked below";
                body.Add(AdaptiveCard.Text($"Showing {maxRows} of {table.Rows.Count} rows{where}.", subtle: true));
            }
        }
        if (fileLink is not null && notification.Attachment is not null)
            actions = [new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = $"Download {TeamsText.Plain(notification.Attachment.FileName, 80)}", ["url"] = fileLink }];
        return AdaptiveCard.Card(body, actions);
    }

    /// <summary>Whether the notification's table is too long to show whole (so the file matters).</summary>
    public static bool IsSummarised(Notification notification, int maxRows) =>
        notification.Attachment is not null && notification.Table is { } table && table.Rows.Count > maxRows;
}
