namespace ChatOpsBot.Core.Dialog;

/// <summary>Where a piece of chat text comes from, which decides whether a channel escapes it.</summary>
public enum TextKind
{
    /// <summary>Written by a channel renderer as markup of that channel (bold marks, line breaks): passed on as is.</summary>
    Template,
    /// <summary>
    /// Anything else: strings from Core (titles, facts, table cells embed host names, user names, mail subjects, typed
    /// names, indicators, file names, service errors). Each channel escapes it with its one escape function for the
    /// text kind it lands in (Slack mrkdwn or plain_text, Adaptive Card markdown, terminal).
    /// </summary>
    Outside,
}
