using ChatOpsBot.Connectors.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChatOpsBot.Connectors.Pacing;

/// <summary>The HTTP pipeline of a connector whose key has a request quota (OTX, VirusTotal).</summary>
public static class PacedHttpClientBuilderExtensions
{
    /// <summary>
    /// Like <see cref="ConnectorHttpClientBuilderExtensions.AddConnectorPipeline"/>, but with the key's quota pacer
    /// between the retries and the attempt: retries (on 408/429/5xx, honouring <c>Retry-After</c>) → <see cref="PacingHandler"/>
    /// (every attempt takes a quota slot) → circuit breaker → attempt timeout (headers and body) → TLS. A call may wait
    /// for the quota as long as the quota demands, so it has no total timeout: <see cref="ConnectorHttpOptions.AttemptTimeout"/>
    /// bounds each attempt and <see cref="ConnectorHttpOptions.MaxRetryAttempts"/> their number.
    /// </summary>
    public static IHttpClientBuilder AddPacedConnectorPipeline(
        this IHttpClientBuilder builder, Func<IServiceProvider, ConnectorHttpOptions> settings, Func<IServiceProvider, QuotaPacer> pacer)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(pacer);

        // Waits for the quota can be long (minutes behind other lookups); the attempt timeout bounds the body instead.
        builder.ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        ConnectorHttpClientBuilderExtensions.ConfigurePrimaryHandler(builder, settings);
        builder.AddResilienceHandler("retry", (pipeline, context) =>
        {
            var s = settings(context.ServiceProvider);
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                // Polly wants at least one retry configured; "no retries" is a predicate that never retries.
                MaxRetryAttempts = Math.Max(1, s.MaxRetryAttempts),
                ShouldHandle = args => ValueTask.FromResult(s.MaxRetryAttempts > 0 && ConnectorHttpClientBuilderExtensions.ShouldRetry(args.Outcome, args.Context)),
                Delay = s.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
            });
        });
        builder.AddHttpMessageHandler(sp => new PacingHandler(pacer(sp)));
        builder.AddResilienceHandler("attempt", (pipeline, context) =>
        {
            var s = settings(context.ServiceProvider);
            var twoAttempts = s.AttemptTimeout * 2;
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                BreakDuration = s.BreakDuration,
                // The breaker's window must cover two attempts.
                SamplingDuration = twoAttempts > TimeSpan.FromSeconds(30) ? twoAttempts : TimeSpan.FromSeconds(30),
            });
            pipeline.AddTimeout(s.AttemptTimeout);
        });
        builder.AddHttpMessageHandler(() => new BufferingHandler());
        return builder;
    }
}
