using System.Diagnostics.Metrics;
using ChatOpsBot.Core.Playbook.Engine;

namespace ChatOpsBot.Workers;

/// <summary>Instruments of the background loops in the <see cref="PlaybookMetrics.MeterName"/> meter.</summary>
public sealed class WorkerMetrics
{
    private readonly Counter<long> _restarts;
    private readonly Counter<long> _errors;

    /// <summary>Creates the instruments.</summary>
    public WorkerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(PlaybookMetrics.MeterName);
        _restarts = meter.CreateCounter<long>("chatopsbot.worker.restarts", "{restart}", "Background loops restarted after an unexpected error escaped them.");
        _errors = meter.CreateCounter<long>("chatopsbot.worker.errors", "{error}", "Failed iterations of background loops (retried with back-off).");
    }

    /// <summary>Loop <paramref name="worker"/> died and is restarted.</summary>
    public void Restarted(string worker) => _restarts.Add(1, new KeyValuePair<string, object?>("worker", worker));

    /// <summary>An iteration of <paramref name="worker"/> failed.</summary>
    public void Failed(string worker) => _errors.Add(1, new KeyValuePair<string, object?>("worker", worker));
}
