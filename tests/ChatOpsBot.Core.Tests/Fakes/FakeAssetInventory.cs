using ChatOpsBot.Core.Assets;

namespace ChatOpsBot.Core.Tests.Fakes;

/// <summary>An asset inventory from a dictionary.</summary>
public sealed class FakeAssetInventory : IAssetInventory
{
    /// <summary>Host → record.</summary>
    public Dictionary<string, AssetRecord> Assets { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task<AssetRecord?> FindByHostAsync(string host, CancellationToken cancellationToken) =>
        Task.FromResult(Assets.GetValueOrDefault(host));
}
