using System.Text;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Teams.Cards;

/// <summary>
/// Escaping of outside strings (mail subjects, file names, feed text) for Teams markdown and Adaptive Card
/// TextBlocks: markdown and HTML metacharacters are backslash-escaped or replaced by entities, line breaks and control
/// characters flattened (no injected lists or headings), and URL schemes defanged so nothing becomes a link.
/// </summary>
public static partial class TeamsText
{
    // CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones Teams gives meaning to.
    private const string MarkdownSpecials = "\\`*_{}[]()#+-.!|~<>&";

    /// <summary><paramref name="value"/> made inert for markdown, on one line.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var defanged = Scheme().Replace(value, m => m.Groups[1].Value.Replace('t', 'x').Replace('T', 'X') + "[:]//");
        defanged = Pseudo().Replace(defanged, m => m.Groups[1].Value + "[:]");
        defanged = Www().Replace(defanged, m => m.Value[..3] + "[.]");
        var sb = new StringBuilder(defanged.Length + 16);
        foreach (var c in defanged)
        {
            switch (c)
            {
                case '\r' or '\n' or '\t': sb.Append(' '); break;
                case var control when char.IsControl(control) || control is '\u200B' or '\u202E' or '\u202D' or '\u2066' or '\u2067' or '\u2068' or '\u2069':
                    break;
                case var special when MarkdownSpecials.Contains(special, StringComparison.Ordinal):
                    sb.Append('\\').Append(special); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Plain text for places that do not render markdown (button titles, summaries): flattened and trimmed only.</summary>
    public static string Plain(string? value, int maxLength = 200)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var flat = new string(value.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return flat.Length <= maxLength ? flat : flat[..(maxLength - 1)] + "…";
    }

    [GeneratedRegex(@"\b(https?|ftps?|file)://", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Scheme();

    [GeneratedRegex(@"\b(mailto|javascript|data|tel|sip|callto):", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pseudo();

    [GeneratedRegex(@"\bwww\.", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Www();
}
