using ChatOpsBot.Core.Feeds;
using ChatOpsBot.Core.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Feeds;

public static class FeedExtensions
{
    /// <summary>Registers <see cref="IocFeedLoader"/> as <see cref="IIocFeed"/> with a resilient named HttpClient, and the feed's check; binds section <c>Feed</c>.</summary>
    public static IServiceCollection AddIocFeed(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<FeedOptions>()
            .Bind(configuration.GetSection(FeedOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton<IIocFeed, IocFeedLoader>();
        services.AddSingleton<IConnectorCheck, FeedCheck>();
        services.AddHttpClient(IocFeedLoader.HttpClientName, (sp, client) =>
            {
                // The loader enforces Feed:TimeoutSeconds itself over download and parse; HttpClient's 100 s default would cut it short.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(sp.GetRequiredService<IOptions<FeedOptions>>().Value.UserAgent);
            })
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) =>
            {
                var timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<FeedOptions>>().Value.TimeoutSeconds);
                resilience.AttemptTimeout.Timeout = timeout;
                resilience.TotalRequestTimeout.Timeout = timeout;
                // The resilience validator requires the breaker's window to cover two attempts.
                resilience.CircuitBreaker.SamplingDuration = timeout * 2 > TimeSpan.FromSeconds(30) ? timeout * 2 : TimeSpan.FromSeconds(30);
            });

        return services;
    }
}
