using ChatOpsBot.Connectors.Http;
using ChatOpsBot.Connectors.IntelCache;
using ChatOpsBot.Connectors.Pacing;
using ChatOpsBot.Core.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Otx;

public static class OtxExtensions
{
    /// <summary>
    /// Registers <see cref="OtxIntel"/> as a typed HttpClient on <c>Otx:BaseUrl</c> with the paced connector pipeline
    /// (<c>Otx:Http</c>, <c>Otx:RequestsPerSecond</c>, <c>Otx:MaxConcurrency</c>); binds and validates section
    /// <c>Otx</c> at start. <see cref="Core.Intel.IThreatIntel"/> is chosen by the caller.
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
        services.AddIntelCacheOptions(configuration);
        services.AddQuotaPacer(OtxIntel.SourceName, sp => Quota(sp.GetRequiredService<IOptions<OtxOptions>>().Value));
        services.AddHttpClient<OtxIntel>((sp, client) =>
                client.BaseAddress = ConnectorUrls.WithTrailingSlash(sp.GetRequiredService<IOptions<OtxOptions>>().Value.BaseUrl!))
            .AddPacedConnectorPipeline(sp => sp.GetRequiredService<IOptions<OtxOptions>>().Value.Http,
                sp => sp.GetRequiredKeyedService<QuotaPacer>(OtxIntel.SourceName));
        // The check's request counts against the same rate as the lookups.
        services.AddHttpClient<OtxConnectorCheck>((sp, client) =>
                client.BaseAddress = ConnectorUrls.WithTrailingSlash(sp.GetRequiredService<IOptions<OtxOptions>>().Value.BaseUrl!))
            .AddPacedConnectorPipeline(sp => sp.GetRequiredService<IOptions<OtxOptions>>().Value.Http,
                sp => sp.GetRequiredKeyedService<QuotaPacer>(OtxIntel.SourceName));
        services.AddTransient<IConnectorCheck>(sp => sp.GetRequiredService<OtxConnectorCheck>());
        return services;
    }

    /// <summary>Registers OTX, behind the verdict cache when there is one, as the <see cref="Core.Intel.IThreatIntel"/> (see <see cref="AddOtxClient"/>).</summary>
    public static IServiceCollection AddOtxIntel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOtxClient(configuration);
        services.TryAddTransient(sp => IntelCacheExtensions.Cached(sp, sp.GetRequiredService<OtxIntel>(), OtxIntel.SourceName));
        return services;
    }

    internal static QuotaSettings Quota(OtxOptions options) => new(OtxIntel.SourceName,
        [new SlidingQuota(options.RequestsPerSecond, TimeSpan.FromSeconds(1))], PerUtcDay: null, options.QuotaMargin, options.MaxConcurrency,
        InFlightLease: options.Http.AttemptTimeout + TimeSpan.FromSeconds(10));
}
