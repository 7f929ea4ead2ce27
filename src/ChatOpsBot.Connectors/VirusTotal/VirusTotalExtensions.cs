using ChatOpsBot.Connectors.Http;
using ChatOpsBot.Connectors.IntelCache;
using ChatOpsBot.Connectors.Pacing;
using ChatOpsBot.Core.Health;
using ChatOpsBot.Core.Intel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.VirusTotal;

public static class VirusTotalExtensions
{
    /// <summary>
    /// Registers <see cref="VirusTotalIntel"/> as a typed HttpClient on <c>VirusTotal:BaseUrl</c> with the paced connector
    /// pipeline (<c>VirusTotal:Http</c>) and the key's <see cref="QuotaPacer"/> (<c>RequestsPerMinute</c>,
    /// <c>RequestsPerDay</c>, <c>QuotaMargin</c>, <c>MaxConcurrency</c>); binds and validates section <c>VirusTotal</c> at start.
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
        services.AddIntelCacheOptions(configuration);
        services.AddQuotaPacer(VirusTotalIntel.SourceName, sp => Quota(sp.GetRequiredService<IOptions<VirusTotalOptions>>().Value));
        services.AddHttpClient<VirusTotalIntel>((sp, client) =>
                client.BaseAddress = ConnectorUrls.WithTrailingSlash(sp.GetRequiredService<IOptions<VirusTotalOptions>>().Value.BaseUrl!))
            .AddPacedConnectorPipeline(sp => sp.GetRequiredService<IOptions<VirusTotalOptions>>().Value.Http,
                sp => sp.GetRequiredKeyedService<QuotaPacer>(VirusTotalIntel.SourceName));
        // The check spends one request of the key's quota: it takes its slot like every lookup.
        services.AddHttpClient<VirusTotalConnectorCheck>((sp, client) =>
                client.BaseAddress = ConnectorUrls.WithTrailingSlash(sp.GetRequiredService<IOptions<VirusTotalOptions>>().Value.BaseUrl!))
            .AddPacedConnectorPipeline(sp => sp.GetRequiredService<IOptions<VirusTotalOptions>>().Value.Http,
                sp => sp.GetRequiredKeyedService<QuotaPacer>(VirusTotalIntel.SourceName));
        services.AddTransient<IConnectorCheck>(sp => sp.GetRequiredService<VirusTotalConnectorCheck>());
        return services;
    }

    /// <summary>Registers VirusTotal, behind the verdict cache when there is one, as the <see cref="IThreatIntel"/> (see <see cref="AddVirusTotalClient"/>).</summary>
    public static IServiceCollection AddVirusTotalIntel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddVirusTotalClient(configuration);
        services.TryAddTransient(sp => IntelCacheExtensions.Cached(sp, sp.GetRequiredService<VirusTotalIntel>(), VirusTotalIntel.SourceName));
        return services;
    }

    internal static QuotaSettings Quota(VirusTotalOptions options) => new(VirusTotalIntel.SourceName,
        [new SlidingQuota(options.RequestsPerMinute, TimeSpan.FromMinutes(1))], options.RequestsPerDay > 0 ? options.RequestsPerDay : null,
        options.QuotaMargin, options.MaxConcurrency, InFlightLease: options.Http.AttemptTimeout + TimeSpan.FromSeconds(10));
}
