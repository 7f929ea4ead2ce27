using System.Text.Json.Nodes;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Coverage;

namespace ChatOpsBot.Teams.Cards;

/// <summary>Notifications as Adaptive Cards: title, text, facts, and tables cut to a few rows with the full list behind the bot's signed link.</summary>
public static class NotificationCards
{
    /// <summary>The card. <paramref name="fileLink"/> is the bot's own signed link to the full list, when it serves one.</summary>
    public static JsonObject Render(Notification notification, int maxRows, string? fileLink)
    {
        var body = new JsonArray
        {
            AdaptiveCard.Text(TeamsText.Markdown($"{SectionNames.Friendly(notification.Section)} · run {notification.RunId}"), subtle: true, size: "Small"),
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
                // Without the bot's own link there is no way to hand Teams the file (it does not offer data: URIs as files).
                var where = fileLink is null ? "" : " — the full list is linked below";
                body.Add(AdaptiveCard.Text(
                    $"Showing {maxRows} of {table.Rows.Count} rows; {table.Rows.Count - maxRows} more not shown{where}.", subtle: true));
            }
        }
        if (fileLink is not null && notification.Attachment is not null)
            actions = [new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = $"Download {TeamsText.Plain(notification.Attachment.FileName, 80)}", ["url"] = fileLink }];
        return AdaptiveCard.Card(body, actions);
    }

    /// <summary>
    /// Whether the notification's file matters: its table is too long to show whole, or it has a file and no table
    /// (the list is only in the file). A CSV of rows already on the card is not offered.
    /// </summary>
    public static bool IsSummarised(Notification notification, int maxRows) =>
        notification.Attachment is not null && (notification.Table is null || notification.Table.Rows.Count > maxRows);
}
