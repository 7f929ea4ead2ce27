using ChatOpsBot.Core.ShiftLogs;

namespace ChatOpsBot.Observability;

/// <summary>Measures calls to the configured <see cref="IShiftLog"/>.</summary>
internal sealed class InstrumentedShiftLog(IShiftLog inner, ConnectorMetrics metrics) : IShiftLog
{
    public Task AppendAsync(ShiftLogEntry entry, CancellationToken cancellationToken) =>
        metrics.MeasureAsync("shift_log", inner, "append", () => inner.AppendAsync(entry, cancellationToken));
}
