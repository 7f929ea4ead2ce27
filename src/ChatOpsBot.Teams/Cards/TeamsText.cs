using System.Text;
using System.Text.RegularExpressions;
using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Teams.Cards;

/// <summary>
/// Teams' half of the escaping contract (<see cref="TextKind"/>): <see cref="Escape"/> for Adaptive Card TextBlock
/// markdown (text blocks, fact values, table cells), <see cref="Plain"/> for places that render no markdown (button
/// titles, summaries, input labels). Markdown metacharacters are backslash-escaped only where the markdown reads them
/// (emphasis, code and link brackets anywhere; list, heading and quote marks at the start), because some Teams clients
/// show a backslash before <c>.</c> or <c>-</c> literally and an analyst copying <c>185.220.101.47</c> or
/// <c>HD-004711</c> must get exactly that. Line breaks and control characters are flattened (no injected lists or
/// headings mid-text), and URL schemes defanged so nothing outside becomes a link.
/// </summary>
public static partial class TeamsText
{
    // Read as markup wherever they stand: emphasis, strike-through, code spans, link brackets, HTML/autolinks.
    private const string AlwaysSpecial = "*_`[]~<";

    /// <summary><paramref name="value"/> made inert for Adaptive Card markdown, on one line.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var flat = Flatten(value);
        var sb = new StringBuilder(flat.Length + 8);
        for (var i = 0; i < flat.Length; i++)
        {
            var c = flat[i];
            if (AlwaysSpecial.Contains(c, StringComparison.Ordinal)
                || (c == '\\' && i + 1 < flat.Length && IsAsciiPunctuation(flat[i + 1])) // only there does markdown read "\\" as an escape
                || (c == '&' && Entity().IsMatch(flat.AsSpan(i))))
                sb.Append('\\');
            sb.Append(c);
        }
        var escaped = EscapeLineStart(sb.ToString());
        // Defanged after escaping, so the brackets added here stay readable ("hxxps[:]//") rather than escaped.
        escaped = Scheme().Replace(escaped, m => m.Groups[1].Value.Replace('t', 'x').Replace('T', 'X') + "[:]//");
        escaped = Pseudo().Replace(escaped, m => m.Groups[1].Value + "[:]");
        return Www().Replace(escaped, m => m.Value[..3] + "[.]");
    }

    /// <summary>Plain text for places that do not render markdown (button titles, summaries): flattened and trimmed only.</summary>
    public static string Plain(string? value, int maxLength = 200)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var flat = new string(value.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return flat.Length <= maxLength ? flat : flat[..(maxLength - 1)] + "…";
    }

    /// <summary>Markdown from an interpolated string: its literals are the caller's markup, every hole goes through <see cref="Escape"/>.</summary>
    public static string Markdown(ChatTextHandler text) => text.Render(s => Escape(s));

    private static string Flatten(string value)
    {
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\r' && i + 1 < value.Length && value[i + 1] == '\n') continue;
            if (c is '\r' or '\n' or '\t') sb.Append(' ');
            else if (!char.IsControl(c) && c is not ('\u200B' or '\u202E' or '\u202D' or '\u202A' or '\u202B' or '\u202C' or '\u2066' or '\u2067' or '\u2068' or '\u2069'))
                sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool IsAsciiPunctuation(char c) => c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c));

    // A string may start a text block, a fact or a cell, so its start is a line start: there "1. ", "- ", "+ ", "# ",
    // ">" and "---" begin a list, heading, quote or rule. Everywhere else those characters are ordinary.
    private static string EscapeLineStart(string text)
    {
        var indent = text.Length - text.TrimStart(' ').Length;
        var rest = text.AsSpan(indent);
        if (rest.IsEmpty) return text;
        var ordered = OrderedListMark().Match(text, indent);
        if (ordered.Success) return text.Insert(ordered.Groups[1].Index, "\\");
        if (rest[0] == '>' || (rest[0] is '#' or '-' or '+' && (rest.Length == 1 || rest[1] == ' ')) || (rest[0] == '-' && ThematicBreak().IsMatch(text)))
            return text.Insert(indent, "\\");
        return text;
    }

    [GeneratedRegex(@"\G[0-9]{1,9}([.)])(?: |$)", RegexOptions.CultureInvariant)]
    private static partial Regex OrderedListMark();

    [GeneratedRegex(@"^ {0,3}(?:- *){3,}$", RegexOptions.CultureInvariant)]
    private static partial Regex ThematicBreak();

    [GeneratedRegex(@"^&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});", RegexOptions.CultureInvariant)]
    private static partial Regex Entity();

    [GeneratedRegex(@"\b(https?|ftps?|file)://", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Scheme();

    [GeneratedRegex(@"\b(mailto|javascript|data|tel|sip|callto):", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pseudo();

    [GeneratedRegex(@"\bwww\.", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Www();
}
