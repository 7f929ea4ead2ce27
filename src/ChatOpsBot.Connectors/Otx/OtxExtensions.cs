using ChatOpsBot.Connectors.Http;
using ChatOpsBot.Core.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Otx;

public static class OtxExtensions
{
    /// <summary>
    /// Registers <see cref="OtxIntel"/> as a typed HttpClient on <c>Otx:BaseUrl</c> with the connector pipeline (<c>Otx:Http</c>);
    /// binds and validates section <c>Otx</c> at start. <see cref="Core.Intel.IThreatIntel"/> is chosen by the caller.
    /// </summary>
    public static IServiceCollection AddOtxClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLogging();
        services.AddOptions<OtxOptions>()
            .Bind(configuration.GetSection(OtxOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OtxOptions>, OtxOptionsValidator>());
        services.AddHttpClient<OtxIntel>((sp, client) =>
                client.BaseAddress = ConnectorUrls.WithTrailingSlash(sp.GetRequiredService<IOptions<OtxOptions>>().Value.BaseUrl!))
            .AddConnectorPipeline(sp => sp.GetRequiredService<IOptions<OtxOptions>>().Value.Http);
        services.AddHttpClient<OtxConnectorCheck>((sp, client) =>
                client.BaseAddress = ConnectorUrls.WithTrailingSlash(sp.GetRequiredService<IOptions<OtxOptions>>().Value.BaseUrl!))
            .AddConnectorPipeline(sp => sp.GetRequiredService<IOptions<OtxOptions>>().Value.Http);
        services.AddTransient<IConnectorCheck>(sp => sp.GetRequiredService<OtxConnectorCheck>());
        return services;
    }

    /// <summary>Registers OTX as the <see cref="Core.Intel.IThreatIntel"/> (see <see cref="AddOtxClient"/>).</summary>
    public static IServiceCollection AddOtxIntel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOtxClient(configuration);
        services.TryAddTransient<Core.Intel.IThreatIntel>(sp => sp.GetRequiredService<OtxIntel>());
        return services;
    }
}
