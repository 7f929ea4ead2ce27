using ChatOpsBot.Core.Assets;
using ChatOpsBot.Core.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOpsBot.Connectors.Assets;

public static class AssetInventoryExtensions
{
    /// <summary>Registers <see cref="CsvAssetInventory"/> as <see cref="IAssetInventory"/>, and its check; binds section <c>Assets</c> (key <c>Assets:File</c>).</summary>
    public static IServiceCollection AddCsvAssetInventory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AssetInventoryOptions>()
            .Bind(configuration.GetSection(AssetInventoryOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<IAssetInventory, CsvAssetInventory>();
        services.AddSingleton<IConnectorCheck, AssetInventoryCheck>();
        return services;
    }
}
