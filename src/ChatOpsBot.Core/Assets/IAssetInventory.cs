namespace ChatOpsBot.Core.Assets;

/// <summary>Port: host → user mapping (the CMDB / asset inventory).</summary>
public interface IAssetInventory
{
    /// <summary>The asset whose host name or IP is <paramref name="host"/> (case-insensitive), or null.</summary>
    Task<AssetRecord?> FindByHostAsync(string host, CancellationToken cancellationToken);
}
