using ChatOpsBot.Core.Playbook;

namespace ChatOpsBot.Core.Conversation;

/// <summary><c>graph &lt;section&gt; [format]</c>: a section's state machine as a diagram source.</summary>
/// <param name="Section">The section.</param>
/// <param name="Format"><c>mermaid</c> (default) or <c>dot</c>.</param>
public sealed record GraphCommand(PlaybookSection Section, string Format = GraphCommand.Mermaid) : ConversationCommand
{
    /// <summary>Mermaid state diagram.</summary>
    public const string Mermaid = "mermaid";

    /// <summary>Graphviz dot.</summary>
    public const string Dot = "dot";
}
