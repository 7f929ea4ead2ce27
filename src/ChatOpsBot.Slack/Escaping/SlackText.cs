using System.Text;

namespace ChatOpsBot.Slack.Escaping;

/// <summary>
/// Escaping for Slack mrkdwn: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> are the control characters of Slack's
/// markup (<c>&lt;!channel&gt;</c>, <c>&lt;https://x|label&gt;</c>, <c>&lt;@U123&gt;</c>), so escaping them makes any
/// outside string display as typed instead of pinging or linking.
/// </summary>
public static class SlackText
{
    /// <summary>The text with &amp;, &lt; and &gt; replaced by their entities.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => null,
            } ?? c.ToString());
        }
        return sb.ToString();
    }

    /// <summary>Escaped text for inline code: backticks would end the span, so they become a look-alike.</summary>
    public static string Code(string? text) => $"`{Escape(text).Replace('`', 'ˋ')}`";

    /// <summary>Cuts <paramref name="text"/> to <paramref name="max"/> characters with an ellipsis, never inside an entity.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text[..(max - 1)];
        var amp = cut.LastIndexOf('&');
        if (amp >= 0 && cut.IndexOf(';', amp) < 0) cut = cut[..amp];
        return cut + "…";
    }
}
