using System.Collections.Concurrent;
using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Tests.Support;

/// <summary>A "terminal" channel that records what the bot said.</summary>
internal sealed class RecordingChannel : IChatChannel
{
    public string Name => "terminal";
    public ConcurrentQueue<Notification> Notifications { get; } = new();
    public ConcurrentQueue<Prompt> Asks { get; } = new();
    public ConcurrentQueue<PromptClosure> Closures { get; } = new();

    public Task NotifyAsync(Notification notification, CancellationToken cancellationToken) { Notifications.Enqueue(notification); return Task.CompletedTask; }
    public Task AskAsync(Prompt prompt, CancellationToken cancellationToken) { Asks.Enqueue(prompt); return Task.CompletedTask; }
    public Task PromptClosedAsync(PromptClosure closure, CancellationToken cancellationToken) { Closures.Enqueue(closure); return Task.CompletedTask; }
}
