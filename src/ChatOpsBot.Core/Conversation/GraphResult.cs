using ChatOpsBot.Core.Playbook;

namespace ChatOpsBot.Core.Conversation;

/// <summary>A section's state machine as diagram source.</summary>
/// <param name="Section">The section.</param>
/// <param name="Format"><c>mermaid</c> or <c>dot</c>.</param>
/// <param name="Source">The diagram source (it contains angle brackets and quotes: show it as code, escaped).</param>
public sealed record GraphResult(PlaybookSection Section, string Format, string Source) : CommandResult;
