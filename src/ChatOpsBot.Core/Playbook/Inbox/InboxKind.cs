namespace ChatOpsBot.Core.Playbook.Inbox;

/// <summary>What an inbox item asks for.</summary>
public enum InboxKind
{
    /// <summary>An answer to a prompt (a button, a modal, a card action, a terminal line).</summary>
    Answer,
    /// <summary>"Resume this run": show its open prompt again and deliver what waits, then advance it.</summary>
    Resume,
}
