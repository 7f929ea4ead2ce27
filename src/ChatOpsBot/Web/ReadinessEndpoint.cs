using ChatOpsBot.Composition;

namespace ChatOpsBot.Web;

/// <summary>
/// <c>GET /healthz/ready</c>: the same lines as <c>check</c>. 503 only when the database fails: without it the service
/// can answer nothing. A failing connector or missing input makes the service <c>degraded</c> (200, the failing lines
/// listed): chat still works and the runs that need it fail with its reason, where taking every replica out of the
/// load balancer would silence the bot altogether.
/// </summary>
public static class ReadinessEndpoint
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapReadiness(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz/ready", async (ConnectorCheckRunner runner, ReadinessChecks connectors, CancellationToken cancellationToken) =>
        {
            var database = await runner.DatabaseAsync(cancellationToken).ConfigureAwait(false);
            var others = await connectors.GetAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyList<CheckResult> results = others is null
                ? [database, new CheckResult("connectors", true, "first check still running")]
                : [database, .. others];
            var body = new
            {
                status = !database.Healthy ? "unready" : results.All(r => r.Healthy) ? "ready" : "degraded",
                checks = results.Select(r => new { name = r.Name, healthy = r.Healthy, message = r.Message }),
            };
            return Results.Json(body, statusCode: database.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
