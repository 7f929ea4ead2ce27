using System.Collections.Concurrent;
using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Connectors.Tests.TestSupport;

/// <summary>The run's channel ("terminal"), recording every notification and prompt it was given.</summary>
public sealed class RecordingChatChannel : IChatChannel
{
    public ConcurrentQueue<Notification> Notifications { get; } = new();

    public ConcurrentQueue<Prompt> Prompts { get; } = new();

    public string Name => "terminal";

    public Task NotifyAsync(Notification notification, CancellationToken cancellationToken)
    {
        Notifications.Enqueue(notification);
        return Task.CompletedTask;
    }

    public Task AskAsync(Prompt prompt, CancellationToken cancellationToken)
    {
        Prompts.Enqueue(prompt);
        return Task.CompletedTask;
    }

    public Task PromptClosedAsync(PromptClosure closure, CancellationToken cancellationToken) => Task.CompletedTask;
}
