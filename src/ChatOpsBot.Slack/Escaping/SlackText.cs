using System.Text;
using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Slack.Escaping;

/// <summary>
/// Slack's half of the escaping contract (<see cref="TextKind"/>): one escape function per Slack text kind.
/// <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> are the control characters of Slack's markup (<c>&lt;!channel&gt;</c>,
/// <c>&lt;https://x|label&gt;</c>, <c>&lt;@U123&gt;</c>); Slack's formatting reference names them for every text object
/// and decodes exactly these three entities for display, in <c>mrkdwn</c> and <c>plain_text</c> alike. plain_text is
/// not parsed for mentions, but escaping there too keeps a typed <c>&lt;!everyone&gt;</c> displaying as typed (and
/// safe should a header ever be rendered as mrkdwn), at no cost. mrkdwn's <c>*_~`</c> have no escape in Slack; they can
/// only restyle outside text, never ping or link, so they are left as typed (indicators stay copyable).
/// </summary>
public static class SlackText
{
    /// <summary>Outside text for <c>mrkdwn</c>: &amp;, &lt; and &gt; replaced by their entities.</summary>
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

    /// <summary>Outside text for <c>plain_text</c> (headers, buttons, labels): the same three entities, and control characters as spaces (a header is one line).</summary>
    public static string PlainText(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        return Escape(text.Any(char.IsControl) ? new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()) : text);
    }

    /// <summary>mrkdwn from an interpolated string: its literals are the caller's markup, every hole is escaped with <see cref="Escape"/>.</summary>
    public static string Mrkdwn(ChatTextHandler text) => text.Render(Escape);

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
