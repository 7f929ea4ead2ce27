using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChatOpsBot.Connectors.Http;

/// <summary>The one HTTP pipeline of every connector: TLS with an optional private CA, then the standard resilience handler.</summary>
public static class ConnectorHttpClientBuilderExtensions
{
    /// <summary>
    /// Configures the primary handler (TLS verification on, optional extra CA) and the standard resilience handler
    /// (total timeout, retries on 408/429/5xx honouring <c>Retry-After</c>, circuit breaker, attempt timeout) from
    /// the connector's <see cref="ConnectorHttpOptions"/>.
    /// </summary>
    public static IHttpClientBuilder AddConnectorPipeline(this IHttpClientBuilder builder, Func<IServiceProvider, ConnectorHttpOptions> settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);

        builder.ConfigureHttpClient((sp, client) =>
        {
            // The pipeline's timeouts end the send; this one bounds reading a buffered body that trickles in after the headers.
            var s = settings(sp);
            client.Timeout = s.TotalTimeout + s.AttemptTimeout;
        });
        ConfigurePrimaryHandler(builder, settings);
        builder.AddStandardResilienceHandler().Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) =>
        {
            var s = settings(sp);
            resilience.AttemptTimeout.Timeout = s.AttemptTimeout;
            resilience.TotalRequestTimeout.Timeout = s.TotalTimeout;
            // Polly wants at least one retry configured; "no retries" is a predicate that never retries.
            resilience.Retry.MaxRetryAttempts = Math.Max(1, s.MaxRetryAttempts);
            resilience.Retry.ShouldHandle = args => ValueTask.FromResult(s.MaxRetryAttempts > 0 && ShouldRetry(args.Outcome, args.Context));
            resilience.Retry.Delay = s.RetryDelay;
            resilience.Retry.BackoffType = DelayBackoffType.Exponential;
            resilience.Retry.UseJitter = true;
            resilience.Retry.ShouldRetryAfterHeader = true;
            resilience.CircuitBreaker.BreakDuration = s.BreakDuration;
            // The resilience validator requires the breaker's window to cover two attempts.
            var twoAttempts = s.AttemptTimeout * 2;
            resilience.CircuitBreaker.SamplingDuration = twoAttempts > TimeSpan.FromSeconds(30) ? twoAttempts : TimeSpan.FromSeconds(30);
        });
        return builder;
    }

    /// <summary>TLS verification on, with the optional extra CA of the connector's settings.</summary>
    internal static void ConfigurePrimaryHandler(IHttpClientBuilder builder, Func<IServiceProvider, ConnectorHttpOptions> settings) =>
        builder.ConfigurePrimaryHttpMessageHandler(sp =>
        {
            var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
            var ca = settings(sp).CaCertificatePath;
            if (!string.IsNullOrWhiteSpace(ca))
                handler.SslOptions.RemoteCertificateValidationCallback = CustomCaTrust.For(CustomCaTrust.Load(ca));
            return handler;
        });

    /// <summary>Transient failures of requests that are safe to repeat, and 429/503 of any request (the server did nothing).</summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (!HttpClientResiliencePredicates.IsTransient(outcome)) return false;
        var request = context.GetRequestMessage();
        var safe = request is null || request.Method == HttpMethod.Get || request.Method == HttpMethod.Head
            || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete || request.Method == HttpMethod.Options
            || (request.Options.TryGetValue(ConnectorRequests.SafeToRepeat, out var repeatable) && repeatable);
        return safe || outcome.Result?.StatusCode is System.Net.HttpStatusCode.TooManyRequests or System.Net.HttpStatusCode.ServiceUnavailable;
    }
}
