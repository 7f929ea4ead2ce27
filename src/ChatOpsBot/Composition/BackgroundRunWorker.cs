using System.Threading.Channels;
using ChatOpsBot.Core.Playbook.Engine;

namespace ChatOpsBot.Composition;

/// <summary>
/// In-process <see cref="IRunWorkQueue"/>: advances queued runs in the background, a few runs at a time
/// (the engine serialises work on any one run). A failure is logged and the run stays resumable.
/// </summary>
public sealed class BackgroundRunWorker(PlaybookEngine engine, ILogger<BackgroundRunWorker> logger) : BackgroundService, IRunWorkQueue
{
    private const int Parallelism = 4;
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false });

    /// <inheritdoc />
    public ValueTask EnqueueAdvanceAsync(string runId, CancellationToken cancellationToken) => _queue.Writer.WriteAsync(runId, cancellationToken);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(_queue.Reader.ReadAllAsync(stoppingToken), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken },
            async (runId, ct) =>
            {
                try
                {
                    await engine.AdvanceAsync(runId, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    logger.LogError(e, "Run {RunId}: background advance failed; the run stays resumable", runId);
                }
            });
}
