using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Coverage;
using ChatOpsBot.Slack.Escaping;

namespace ChatOpsBot.Slack.BlockKit;

/// <summary>
/// Renders a notification within Block Kit's limits: at most 50 blocks, 3000 characters a section. Tables are aligned
/// code blocks; long ones are summarised (the first rows, then a count) and the full data goes out as a CSV file.
/// </summary>
public static class NotificationBlocks
{
    private const int ReservedBlocks = 2; // the "n more rows" line and the footer context

    public static RenderedNotification Render(Notification notification, int maxRows)
    {
        var blocks = new JsonArray(Blocks.Header($"{Icon(notification.Kind)} {notification.Title}")); // plain_text: Blocks escapes it
        foreach (var piece in MrkdwnSplitter.Split(SlackText.Escape(notification.Text)).Where(p => p.Length > 0))
            if (blocks.Count < BlockLimits.MaxBlocks - ReservedBlocks) blocks.Add(Blocks.Section(piece));
        foreach (var chunk in notification.Facts.Chunk(BlockLimits.MaxFields))
            if (blocks.Count < BlockLimits.MaxBlocks - ReservedBlocks)
                blocks.Add(Blocks.Fields(chunk.Select(f => SlackText.Mrkdwn($"*{f.Label}*\n{f.Value}"))));

        var shown = 0;
        var total = notification.Table?.Rows.Count ?? 0;
        if (notification.Table is { } table && total > 0)
        {
            var rows = table.Rows.Take(maxRows).ToList();
            foreach (var (text, count) in CodeTable.Sections(table.Columns, rows, BlockLimits.MaxSectionText))
            {
                if (blocks.Count >= BlockLimits.MaxBlocks - ReservedBlocks) break;
                blocks.Add(Blocks.Section(text));
                shown += count;
            }
            if (shown < total)
            {
                var file = notification.Attachment?.FileName ?? "CSV";
                blocks.Add(Blocks.Context(SlackText.Mrkdwn($"Showing {shown} of {total} rows ({total - shown} more not shown); every row is in the attached {file}.")));
            }
        }
        blocks.Add(Blocks.Context(SlackText.Mrkdwn($"{SectionNames.Friendly(notification.Section)} · run {notification.RunId}")));
        var fallback = SlackText.Truncate(SlackText.Escape(notification.Title), BlockLimits.MaxFallbackText);
        return new RenderedNotification(fallback, blocks, shown, total);
    }

    /// <summary>The table as CSV (RFC 4180 quoting), for when a notification has rows but no attachment of its own.</summary>
    public static byte[] Csv(DataTable table)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(',', table.Columns.Select(Quote)));
        foreach (var row in table.Rows) sb.AppendLine(string.Join(',', row.Select(Quote)));
        return Encoding.UTF8.GetBytes(sb.ToString());

        static string Quote(string value) =>
            value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static string Icon(NotificationKind kind) => kind switch
    {
        NotificationKind.Finding => "🔎",
        NotificationKind.Summary => "📋",
        _ => "⏳",
    };
}
