using ChatOpsBot.Core.Assets;
using ChatOpsBot.Core.Feeds;
using ChatOpsBot.Core.Intel;
using ChatOpsBot.Core.Mail;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.ShiftLogs;
using ChatOpsBot.Core.Siem;
using ChatOpsBot.Core.Ticketing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace ChatOpsBot.Observability;

/// <summary>Metrics of the web service: the ChatOpsBot meter, ASP.NET Core, HttpClient and runtime instruments, exported for Prometheus.</summary>
public static class ObservabilityServices
{
    /// <summary>
    /// Measures every port call of the playbook and, unless <c>Observability:Metrics:Enabled</c> is false, collects
    /// metrics with OpenTelemetry. Call after the ports are registered.
    /// </summary>
    public static IServiceCollection AddBotObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton<ConnectorMetrics>();
        // The ports are resolved when the playbook first needs them, so connectors registered after this call are measured too.
        services.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var m = sp.GetRequiredService<ConnectorMetrics>();
            return new PlaybookPorts(
                new InstrumentedIocFeed(sp.GetRequiredService<IIocFeed>(), m), new InstrumentedSiem(sp.GetRequiredService<ISiem>(), m),
                new InstrumentedThreatIntel(sp.GetRequiredService<IThreatIntel>(), m), new InstrumentedTicketing(sp.GetRequiredService<ITicketing>(), m),
                new InstrumentedMailbox(sp.GetRequiredService<IMailbox>(), m), new InstrumentedAssetInventory(sp.GetRequiredService<IAssetInventory>(), m),
                new InstrumentedShiftLog(sp.GetRequiredService<IShiftLog>(), m), sp.GetRequiredService<Core.Exports.ICsvExporter>());
        }));
        if (!Options(configuration).Enabled) return services;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("chatopsbot"))
            .WithMetrics(metrics => metrics
                .AddMeter(PlaybookMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        return services;
    }

    /// <summary>Maps the Prometheus text endpoint at <c>Observability:Metrics:Path</c> (only on <c>Observability:Metrics:Port</c> when set) when metrics are enabled.</summary>
    public static WebApplication MapBotMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = Options(app.Configuration);
        if (!options.Enabled) return app;
        if (options.Port > 0)
        {
            // Runs after routing and before the endpoint: the metrics path on any other port is simply not there.
            app.Use(async (context, next) =>
            {
                if (context.Request.Path.Equals(options.Path, StringComparison.OrdinalIgnoreCase) && context.Connection.LocalPort != options.Port)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                await next(context).ConfigureAwait(false);
            });
        }
        app.MapPrometheusScrapingEndpoint(options.Path);
        return app;
    }

    private static MetricsOptions Options(IConfiguration configuration) =>
        configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
}
