using System.Text;

namespace ChatOpsBot.Connectors.ShiftLogs;

/// <summary>Turns outside text (analyst words, IOC descriptions) into one inert line of Markdown.</summary>
internal static class MarkdownText
{
    // Characters that give a line meaning when they start it: heading, quote, list, rule, table, fence.
    private const string LeadingSpecials = "#>-+*=_|~`";

    public static string Inline(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "(none)";
        }

        var builder = new StringBuilder(text.Length + 8);
        var lastWasSpace = false;
        foreach (var c in text.Trim())
        {
            if (c is '\r' or '\n' or '\t')
            {
                // A newline inside an item would end the list item and start a block of the writer's choosing.
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            lastWasSpace = c == ' ';
            // "<" is encoded so no text can forge the "<!-- run:ID -->" markers that make appends idempotent.
            builder.Append(c == '<' ? "&lt;" : c.ToString());
        }

        var line = builder.ToString();
        if (LeadingSpecials.Contains(line[0]) || StartsWithOrderedListMarker(line))
        {
            line = "\\" + line;
        }

        return line;
    }

    private static bool StartsWithOrderedListMarker(string line)
    {
        var i = 0;
        while (i < line.Length && char.IsAsciiDigit(line[i]))
        {
            i++;
        }

        return i > 0 && i < line.Length && line[i] is '.' or ')';
    }
}
