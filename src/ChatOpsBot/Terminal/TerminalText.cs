using System.Text;

namespace ChatOpsBot.Terminal;

/// <summary>
/// Makes outside text safe for a terminal: control characters (ESC sequences that could rewrite the screen,
/// bells, carriage returns that hide text) are shown as <c>\uXXXX</c> instead of being interpreted.
/// </summary>
public static class TerminalText
{
    /// <summary>The text with every control character (except none) escaped.</summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var bad = char.IsControl(c) || c is '\u200e' or '\u200f' or '\u202a' or '\u202b' or '\u202c' or '\u202d' or '\u202e' or '\u2066' or '\u2067' or '\u2068' or '\u2069';
            if (bad)
            {
                sb ??= new StringBuilder(text, 0, i, text.Length + 16);
                sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else sb?.Append(c);
        }
        return sb?.ToString() ?? text;
    }
}
