using ChatOpsBot.Connectors.Http;
using ChatOpsBot.Core.Health;
using ChatOpsBot.Core.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Graph;

public static class GraphExtensions
{
    /// <summary>
    /// Registers <see cref="GraphMailbox"/> as <see cref="IMailbox"/> (replacing any earlier one) with a resilient typed
    /// HttpClient and client-credentials tokens, and its <see cref="IConnectorCheck"/>; binds and validates section <c>Graph</c> at start.
    /// </summary>
    public static IServiceCollection AddGraphMailbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<GraphOptions>()
            .Bind(configuration.GetSection(GraphOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());
        services.TryAddSingleton<GraphTokenCache>();

        services.AddHttpClient<GraphMailbox>((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
                client.BaseAddress = new Uri(options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/");
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns the timeouts
            })
            .AddConnectorPipeline(sp => ConnectorHttp(sp.GetRequiredService<IOptions<GraphOptions>>().Value));

        services.Replace(ServiceDescriptor.Singleton<IMailbox>(sp => sp.GetRequiredService<GraphMailbox>()));
        services.AddSingleton<IConnectorCheck, GraphConnectorCheck>();
        return services;
    }

    // This connector keeps its flat settings (TimeoutSeconds, MaxRetries, RetryBaseDelayMilliseconds); the pipeline is the shared one.
    private static ConnectorHttpOptions ConnectorHttp(GraphOptions o)
    {
        var attempt = TimeSpan.FromSeconds(o.TimeoutSeconds);
        return new ConnectorHttpOptions
        {
            AttemptTimeout = attempt, MaxRetryAttempts = o.MaxRetries, RetryDelay = TimeSpan.FromMilliseconds(o.RetryBaseDelayMilliseconds),
            TotalTimeout = attempt * (o.MaxRetries + 1) + TimeSpan.FromSeconds(30),
        };
    }
}
