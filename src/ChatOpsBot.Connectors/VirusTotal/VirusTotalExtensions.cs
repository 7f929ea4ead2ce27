using ChatOpsBot.Connectors.Http;
using ChatOpsBot.Core.Intel;
using ChatOpsBot.Core.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.VirusTotal;

public static class VirusTotalExtensions
{
    /// <summary>
    /// Registers <see cref="VirusTotalIntel"/> as a typed HttpClient on <c>VirusTotal:BaseUrl</c> with the connector pipeline
    /// (<c>VirusTotal:Http</c>) and one shared <see cref="VirusTotalPacer"/>; binds and validates section <c>VirusTotal</c> at start.
    /// </summary>
    public static IServiceCollection AddVirusTotalClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<VirusTotalOptions>()
            .Bind(configuration.GetSection(VirusTotalOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VirusTotalOptions>, VirusTotalOptionsValidator>());
        services.TryAddSingleton<VirusTotalPacer>();
        services.AddHttpClient<VirusTotalIntel>((sp, client) =>
                client.BaseAddress = ConnectorUrls.WithTrailingSlash(sp.GetRequiredService<IOptions<VirusTotalOptions>>().Value.BaseUrl!))
            .AddConnectorPipeline(sp => sp.GetRequiredService<IOptions<VirusTotalOptions>>().Value.Http);
        services.AddHttpClient<VirusTotalConnectorCheck>((sp, client) =>
                client.BaseAddress = ConnectorUrls.WithTrailingSlash(sp.GetRequiredService<IOptions<VirusTotalOptions>>().Value.BaseUrl!))
            .AddConnectorPipeline(sp => sp.GetRequiredService<IOptions<VirusTotalOptions>>().Value.Http);
        services.AddTransient<IConnectorCheck>(sp => sp.GetRequiredService<VirusTotalConnectorCheck>());
        return services;
    }

    /// <summary>Registers VirusTotal as the <see cref="IThreatIntel"/> (see <see cref="AddVirusTotalClient"/>).</summary>
    public static IServiceCollection AddVirusTotalIntel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddVirusTotalClient(configuration);
        services.TryAddTransient<IThreatIntel>(sp => sp.GetRequiredService<VirusTotalIntel>());
        return services;
    }
}
