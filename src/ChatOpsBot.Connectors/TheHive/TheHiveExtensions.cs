using System.Net.Http.Headers;
using ChatOpsBot.Connectors.Http;
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
            .AddConnectorPipeline(sp => ConnectorHttp(sp.GetRequiredService<IOptions<TheHiveOptions>>().Value));

        services.Replace(ServiceDescriptor.Singleton<ITicketing, TheHiveTicketing>());
        services.AddSingleton<IConnectorCheck, TheHiveConnectorCheck>();
        return services;
    }

    // This connector keeps its flat settings (TimeoutSeconds, MaxRetries, RetryBaseDelayMilliseconds); the pipeline is the shared one.
    private static ConnectorHttpOptions ConnectorHttp(TheHiveOptions o)
    {
        var attempt = TimeSpan.FromSeconds(o.TimeoutSeconds);
        return new ConnectorHttpOptions
        {
            AttemptTimeout = attempt, MaxRetryAttempts = o.MaxRetries, RetryDelay = TimeSpan.FromMilliseconds(o.RetryBaseDelayMilliseconds),
            TotalTimeout = attempt * (o.MaxRetries + 1) + TimeSpan.FromSeconds(30),
        };
    }
}
