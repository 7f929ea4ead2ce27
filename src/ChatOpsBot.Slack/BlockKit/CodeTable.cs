using System.Text;
using ChatOpsBot.Slack.Escaping;

namespace ChatOpsBot.Slack.BlockKit;

/// <summary>
/// A table as aligned columns in mrkdwn code blocks (Slack has no table in section text, and <c>|</c>-separated
/// mrkdwn does not line up in a proportional font). Cells are padded on their raw width, then escaped, so entities
/// do not shift the columns; a backtick becomes a look-alike so it cannot end the block.
/// </summary>
public static class CodeTable
{
    /// <summary>The widest a column gets; longer cells are cut with an ellipsis (the CSV has them whole).</summary>
    public const int MaxCellWidth = 40;
    private const string Fence = "```";

    /// <summary>The header and rows as code-block sections of at most <paramref name="maxChars"/> characters each; the second value counts the rows placed in each section.</summary>
    public static IReadOnlyList<(string Text, int Rows)> Sections(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, int maxChars)
    {
        var widths = columns.Select((c, i) => Math.Min(MaxCellWidth, rows.Select(r => Cell(r, i).Length).Append(c.Length).Max())).ToArray();
        var header = Line(columns, widths);
        var sections = new List<(string, int)>();
        var current = new StringBuilder(Fence).Append('\n').Append(header);
        var count = 0;
        foreach (var row in rows)
        {
            var line = Line(row, widths);
            if (current.Length + 1 + line.Length + Fence.Length > maxChars && count > 0)
            {
                sections.Add((current.Append(Fence).ToString(), count));
                current = new StringBuilder(Fence).Append('\n');
                count = 0;
            }
            current.Append('\n').Append(line);
            count++;
        }
        sections.Add((current.Append('\n').Append(Fence).ToString(), count));
        return sections;
    }

    private static string Cell(IReadOnlyList<string> row, int i) => i < row.Count ? row[i].ReplaceLineEndings(" ") : "";

    private static string Line(IReadOnlyList<string> cells, int[] widths)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < widths.Length; i++)
        {
            var raw = Cell(cells, i);
            if (raw.Length > widths[i]) raw = raw[..(widths[i] - 1)] + "…";
            if (i > 0) sb.Append("  ");
            sb.Append(SlackText.Escape(i == widths.Length - 1 ? raw : raw.PadRight(widths[i])).Replace('`', 'ˋ'));
        }
        return sb.ToString().TrimEnd();
    }
}
