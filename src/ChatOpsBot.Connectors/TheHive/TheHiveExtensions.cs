using System.Net.Http.Headers;
using ChatOpsBot.Connectors.Common.Http;
using ChatOpsBot.Core.Health;
using ChatOpsBot.Core.Ticketing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.TheHive;

public static class TheHiveExtensions
{
    /// <summary>
    /// Registers <see cref="TheHiveTicketing"/> as <see cref="ITicketing"/> (replacing the built-in one) with a resilient
    /// typed HttpClient, and its <see cref="IConnectorCheck"/>; binds and validates section <c>TheHive</c> at start.
    /// </summary>
    public static IServiceCollection AddTheHiveTicketing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging();
        services.AddOptions<TheHiveOptions>()
            .Bind(configuration.GetSection(TheHiveOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TheHiveOptions>, TheHiveOptionsValidator>());

        services.AddHttpClient<TheHiveApi>((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<TheHiveOptions>>().Value;
                client.BaseAddress = new Uri(options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/");
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns the timeouts
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
                if (!string.IsNullOrEmpty(options.Organisation))
                    client.DefaultRequestHeaders.Add("X-Organisation", options.Organisation);
            })
            .AddConnectorResilience(sp =>
            {
                var options = sp.GetRequiredService<IOptions<TheHiveOptions>>().Value;
                return new ResilienceSettings(TimeSpan.FromSeconds(options.TimeoutSeconds), options.MaxRetries, TimeSpan.FromMilliseconds(options.RetryBaseDelayMilliseconds));
            });

        services.Replace(ServiceDescriptor.Singleton<ITicketing, TheHiveTicketing>());
        services.AddSingleton<IConnectorCheck, TheHiveConnectorCheck>();
        return services;
    }
}
