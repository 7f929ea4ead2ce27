using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.Inbound;

/// <summary>
/// Work that must not hold up Slack's 3-second acknowledgement and may be lost with this replica (opening a modal,
/// replying to a mention) runs here, a few items at a time. A failure is logged; the request was already acknowledged.
/// Answers never come here: they go through the durable inbox, which outlives the replica.
/// </summary>
public sealed class SlackBackgroundQueue(ILogger<SlackBackgroundQueue> logger) : BackgroundService
{
    private const int Parallelism = 4;
    private readonly System.Threading.Channels.Channel<(string Name, Func<CancellationToken, Task> Work)> _queue = System.Threading.Channels.Channel.CreateUnbounded<(string, Func<CancellationToken, Task>)>();

    public void Enqueue(string name, Func<CancellationToken, Task> work)
    {
        if (!_queue.Writer.TryWrite((name, work))) logger.LogError("Slack work {Name} dropped: the queue is closed", name);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(_queue.Reader.ReadAllAsync(stoppingToken), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken },
            async (item, ct) =>
            {
                try
                {
                    await item.Work(ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    logger.LogError(e, "Slack work {Name} failed", item.Name);
                }
            });
}
