using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChatOpsBot.Connectors.Common.Http;

/// <summary>
/// The resilience pipeline of the mail and ticketing HTTP connectors: per-attempt timeout, retries on 429/5xx and
/// transport errors honouring <c>Retry-After</c>, a circuit breaker. A request that changes something (POST, PATCH …)
/// is retried only when the server said it did not process it (429, 503) — unless the request is marked
/// <see cref="ReadOnly"/> (a POST search) — so a timeout never turns into a duplicate case.
/// </summary>
internal static class ConnectorResilience
{
    /// <summary>Marks a POST that only reads (e.g. TheHive's <c>/api/v1/query</c>) as safe to repeat.</summary>
    public static readonly HttpRequestOptionsKey<bool> ReadOnly = new("ChatOpsBot.ReadOnly");

    public static IHttpClientBuilder AddConnectorResilience(this IHttpClientBuilder builder, Func<IServiceProvider, ResilienceSettings> settings)
    {
        // Long-lived clients (singleton connectors) still pick up DNS changes: connections are recycled instead of handlers.
        builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        builder.AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions options, IServiceProvider sp) =>
            {
                var s = settings(sp);
                options.AttemptTimeout.Timeout = s.AttemptTimeout;
                options.Retry.MaxRetryAttempts = Math.Max(1, s.MaxRetries);
                options.Retry.Delay = s.RetryBaseDelay;
                options.Retry.ShouldRetryAfterHeader = true;
                // Polly needs at least one attempt configured; zero retries is expressed by never handling.
                options.Retry.ShouldHandle = args => ValueTask.FromResult(s.MaxRetries > 0 && ShouldRetry(args.Outcome, args.Context));
                // Room for every attempt plus the waits between them; Retry-After beyond that ends the call.
                options.TotalRequestTimeout.Timeout = s.AttemptTimeout * (s.MaxRetries + 1) + TimeSpan.FromSeconds(30);
                // The resilience validator requires the breaker's window to cover two attempts.
                var window = s.AttemptTimeout * 2;
                options.CircuitBreaker.SamplingDuration = window > TimeSpan.FromSeconds(30) ? window : TimeSpan.FromSeconds(30);
            });
        return builder;
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (!HttpClientResiliencePredicates.IsTransient(outcome))
            return false;
        var request = context.GetRequestMessage();
        var safe = request is null
            || request.Method == HttpMethod.Get || request.Method == HttpMethod.Head
            || (request.Options.TryGetValue(ReadOnly, out var readOnly) && readOnly);
        if (safe)
            return true;
        return outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;
    }
}

/// <summary>Timeout and retry settings of one connector's pipeline.</summary>
internal sealed record ResilienceSettings(TimeSpan AttemptTimeout, int MaxRetries, TimeSpan RetryBaseDelay);
