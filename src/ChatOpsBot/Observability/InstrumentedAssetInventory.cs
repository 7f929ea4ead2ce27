using ChatOpsBot.Core.Assets;

namespace ChatOpsBot.Observability;

/// <summary>Measures calls to the configured <see cref="IAssetInventory"/>.</summary>
internal sealed class InstrumentedAssetInventory(IAssetInventory inner, ConnectorMetrics metrics) : IAssetInventory
{
    public Task<AssetRecord?> FindByHostAsync(string host, CancellationToken cancellationToken) =>
        metrics.MeasureAsync("assets", inner, "find_by_host", () => inner.FindByHostAsync(host, cancellationToken));
}
