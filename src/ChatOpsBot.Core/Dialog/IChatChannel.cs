namespace ChatOpsBot.Core.Dialog;

/// <summary>Port: a place analysts read and answer (terminal, Slack, Teams). It renders and collects; it never decides.</summary>
public interface IChatChannel
{
    /// <summary>The channel's name as stored on runs (<c>terminal</c>, <c>slack</c>, <c>teams</c>).</summary>
    string Name { get; }

    /// <summary>Posts a notification.</summary>
    Task NotifyAsync(Notification notification, CancellationToken cancellationToken);

    /// <summary>Shows a prompt (again, after a resume or a refused text answer).</summary>
    Task AskAsync(Prompt prompt, CancellationToken cancellationToken);

    /// <summary>Marks a prompt answered: who answered what and when; its buttons go away.</summary>
    Task PromptClosedAsync(PromptClosure closure, CancellationToken cancellationToken);
}
