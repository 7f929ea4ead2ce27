using System.Diagnostics;
using Serilog;
using Serilog.Events;

namespace ChatOpsBot.Observability;

/// <summary>One completion event per request (Serilog request logging), with the properties an analyst on call looks for.</summary>
public static class RequestLogging
{
    /// <summary>Adds request logging: probes and scrapes at Debug, failures at Error, everything else at Information.</summary>
    public static WebApplication UseBotRequestLogging(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var metricsPath = app.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>()?.Path ?? "/metrics";
        app.UseSerilogRequestLogging(o =>
        {
            o.GetLevel = (http, _, e) =>
                e is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
                : http.Request.Path.StartsWithSegments("/healthz") || http.Request.Path.StartsWithSegments(metricsPath) ? LogEventLevel.Debug
                : LogEventLevel.Information;
            o.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("RequestHost", http.Request.Host.Value);
                diagnostics.Set("RequestScheme", http.Request.Scheme);
                diagnostics.Set("RemoteIp", http.Connection.RemoteIpAddress?.ToString());
                diagnostics.Set("UserAgent", http.Request.Headers.UserAgent.ToString());
                diagnostics.Set("EndpointName", http.GetEndpoint()?.DisplayName);
                diagnostics.Set("ResponseContentType", http.Response.ContentType);
                diagnostics.Set("ResponseLength", http.Response.ContentLength);
                diagnostics.Set("TraceId", Activity.Current?.TraceId.ToString());
            };
        });
        return app;
    }
}
