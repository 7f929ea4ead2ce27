using ChatOpsBot.Core.Health;
using ChatOpsBot.Core.Intel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOpsBot.Connectors.OfflineIntel;

public static class OfflineIntelExtensions
{
    /// <summary>Registers <see cref="OtxExportIntel"/> as <see cref="IThreatIntel"/>, and its check; binds section <c>Intel</c> (key <c>Intel:OfflineFile</c>).</summary>
    public static IServiceCollection AddOfflineIntel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OfflineIntelOptions>()
            .Bind(configuration.GetSection(OfflineIntelOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<IThreatIntel, OtxExportIntel>();
        services.AddSingleton<IConnectorCheck, OfflineIntelCheck>();
        return services;
    }
}
