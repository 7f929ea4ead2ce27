using ChatOpsBot.Connectors.Http;
using ChatOpsBot.Core.Siem;
using ChatOpsBot.Core.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Splunk;

public static class SplunkExtensions
{
    /// <summary>
    /// Registers <see cref="SplunkSiem"/> as the <see cref="ISiem"/>: a typed HttpClient on <c>Splunk:BaseUrl</c> with the
    /// connector pipeline (<c>Splunk:Http</c>); binds and validates section <c>Splunk</c> at start.
    /// </summary>
    public static IServiceCollection AddSplunkSiem(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddOptions<SplunkOptions>()
            .Bind(configuration.GetSection(SplunkOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SplunkOptions>, SplunkOptionsValidator>());

        services.AddHttpClient<ISiem, SplunkSiem>((sp, client) =>
                client.BaseAddress = ConnectorUrls.WithTrailingSlash(sp.GetRequiredService<IOptions<SplunkOptions>>().Value.BaseUrl!))
            .AddConnectorPipeline(sp => sp.GetRequiredService<IOptions<SplunkOptions>>().Value.Http);
        services.AddHttpClient<SplunkConnectorCheck>((sp, client) =>
                client.BaseAddress = ConnectorUrls.WithTrailingSlash(sp.GetRequiredService<IOptions<SplunkOptions>>().Value.BaseUrl!))
            .AddConnectorPipeline(sp => sp.GetRequiredService<IOptions<SplunkOptions>>().Value.Http);
        services.AddTransient<IConnectorCheck>(sp => sp.GetRequiredService<SplunkConnectorCheck>());
        return services;
    }
}
