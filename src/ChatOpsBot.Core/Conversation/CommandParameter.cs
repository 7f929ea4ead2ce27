namespace ChatOpsBot.Core.Conversation;

/// <summary>One word a command takes, for usage lines.</summary>
/// <param name="Name">What it is (<c>run</c>, <c>since</c>).</param>
/// <param name="Optional">Whether it may be left out.</param>
public sealed record CommandParameter(string Name, bool Optional)
{
    /// <summary>
    /// <c>[since]</c> or <c>&lt;run&gt;</c>. Template text, but with angle brackets that Slack mrkdwn reads as a link
    /// and HTML reads as a tag: a channel escapes it with its own escape function before it is sent.
    /// </summary>
    public string Placeholder => Optional ? $"[{Name}]" : $"<{Name}>";
}
