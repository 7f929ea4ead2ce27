using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Observability;

/// <summary>Measures calls to the configured <see cref="ISiem"/>.</summary>
internal sealed class InstrumentedSiem(ISiem inner, ConnectorMetrics metrics) : ISiem
{
    public Task<SiemResult> QueryAsync(SiemQuery query, CancellationToken cancellationToken) =>
        metrics.MeasureAsync("siem", inner, "query", () => inner.QueryAsync(query, cancellationToken));
}
