using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Slack.Escaping;

namespace ChatOpsBot.Slack.BlockKit;

/// <summary>
/// Renders a notification within Block Kit's limits: at most 50 blocks, 3000 characters a section. Long tables are
/// summarised (the first rows, then a count) and the full data goes out as a CSV file.
/// </summary>
public static class NotificationBlocks
{
    private const int ReservedBlocks = 2; // the "n more rows" line and the footer context

    public static RenderedNotification Render(Notification notification, int maxRows)
    {
        var blocks = new JsonArray(Blocks.Header($"{Icon(notification.Kind)} {notification.Title}"));
        foreach (var piece in MrkdwnSplitter.Split(SlackText.Escape(notification.Text)).Where(p => p.Length > 0))
            if (blocks.Count < BlockLimits.MaxBlocks - ReservedBlocks) blocks.Add(Blocks.Section(piece));
        foreach (var chunk in notification.Facts.Chunk(BlockLimits.MaxFields))
            if (blocks.Count < BlockLimits.MaxBlocks - ReservedBlocks)
                blocks.Add(Blocks.Fields(chunk.Select(f => $"*{SlackText.Escape(f.Label)}*\n{SlackText.Escape(f.Value)}")));

        var shown = 0;
        var total = notification.Table?.Rows.Count ?? 0;
        if (notification.Table is { } table)
        {
            var header = string.Join(" | ", table.Columns.Select(c => $"*{SlackText.Escape(c)}*"));
            var section = new StringBuilder(header);
            var pending = 0; // rows in the section being filled, not yet in a block
            var full = false;
            foreach (var row in table.Rows.Take(maxRows))
            {
                var line = SlackText.Truncate(string.Join(" | ", row.Select(cell => SlackText.Escape(cell))), BlockLimits.MaxSectionText - 1);
                if (section.Length + 1 + line.Length > BlockLimits.MaxSectionText)
                {
                    if (blocks.Count >= BlockLimits.MaxBlocks - ReservedBlocks) { full = true; break; }
                    blocks.Add(Blocks.Section(section.ToString()));
                    shown += pending;
                    pending = 0;
                    section.Clear();
                }
                if (section.Length > 0) section.Append('\n');
                section.Append(line);
                pending++;
            }
            if (!full && section.Length > 0 && blocks.Count < BlockLimits.MaxBlocks - ReservedBlocks)
            {
                blocks.Add(Blocks.Section(section.ToString()));
                shown += pending;
            }
            if (shown < total)
            {
                var file = notification.Attachment?.FileName ?? "the attached CSV";
                blocks.Add(Blocks.Context($"Showing {shown} of {total} rows; all of them are in {SlackText.Escape(file)}."));
            }
        }
        blocks.Add(Blocks.Context($"{notification.Section} · run {SlackText.Escape(notification.RunId)}"));
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
