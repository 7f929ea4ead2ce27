using Microsoft.Extensions.Options;

namespace ChatOpsBot.Workers;

/// <summary>What every supervised loop shares: its health registry, metrics, options and clock.</summary>
public sealed class WorkerRuntime(WorkerHealth health, WorkerMetrics metrics, IOptions<WorkerOptions> options, TimeProvider clock)
{
    public WorkerHealth Health { get; } = health;
    public WorkerMetrics Metrics { get; } = metrics;
    public WorkerOptions Options => options.Value;
    public TimeProvider Clock { get; } = clock;

    /// <summary>0.5 s doubled per consecutive failure, at most <see cref="WorkerOptions.MaxBackoff"/>.</summary>
    public TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(Options.MaxBackoff.TotalMilliseconds, 500 * Math.Pow(2, Math.Clamp(failures - 1, 0, 20))));
}
