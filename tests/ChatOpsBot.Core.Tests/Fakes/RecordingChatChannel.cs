using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Core.Tests.Fakes;

/// <summary>The <c>terminal</c> channel as a recorder; can be told to fail its next deliveries.</summary>
public sealed class RecordingChatChannel : IChatChannel
{
    private int _failures;

    public string Name => "terminal";

    public List<Notification> Notifications { get; } = [];
    public List<Prompt> Asks { get; } = [];
    public List<PromptClosure> Closures { get; } = [];

    /// <summary>Deliveries that threw.</summary>
    public int FailedDeliveries { get; private set; }

    /// <summary>The next <paramref name="times"/> deliveries of any kind throw, as a chat outage.</summary>
    public void FailNext(int times) => _failures = times;

    public Task NotifyAsync(Notification notification, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        Notifications.Add(notification);
        return Task.CompletedTask;
    }

    public Task AskAsync(Prompt prompt, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        Asks.Add(prompt);
        return Task.CompletedTask;
    }

    public Task PromptClosedAsync(PromptClosure closure, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        Closures.Add(closure);
        return Task.CompletedTask;
    }

    private void ThrowIfDown()
    {
        if (_failures <= 0) return;
        _failures--;
        FailedDeliveries++;
        throw new HttpRequestException("Chat is down.");
    }
}
