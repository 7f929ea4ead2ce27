namespace ChatOpsBot.Core.Feeds;

/// <summary>A feed line that could not be read, kept so the analyst sees exactly what was skipped.</summary>
/// <param name="LineNumber">1-based physical line number in the feed.</param>
/// <param name="Content">The line as read, truncated to a reasonable length.</param>
/// <param name="Reason">Why it was rejected.</param>
public sealed record InvalidFeedLine(int LineNumber, string Content, string Reason);
