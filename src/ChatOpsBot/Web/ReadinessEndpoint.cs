using ChatOpsBot.Composition;
using ChatOpsBot.Core.Health;

namespace ChatOpsBot.Web;

/// <summary>
/// <c>GET /healthz/ready</c>: the same lines as <c>check</c>. 503 only when the database fails, or a check that gates
/// readiness does (Slack Socket Mode with its token refused): without them the service can answer nothing. A failing connector or missing input makes the service <c>degraded</c> (200, the failing lines
/// listed): chat still works and the runs that need it fail with its reason, where taking every replica out of the
/// load balancer would silence the bot altogether.
/// </summary>
public static class ReadinessEndpoint
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapReadiness(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz/ready", async (ConnectorCheckRunner runner, ReadinessChecks connectors, IEnumerable<IConnectorCheck> checks, CancellationToken cancellationToken) =>
        {
            var database = await runner.DatabaseAsync(cancellationToken).ConfigureAwait(false);
            // Gating checks read live state on every probe; the rest come from the background refresh.
            var gates = new List<CheckResult>();
            foreach (var gate in checks.Where(c => c.GatesReadiness))
            {
                var health = await gate.CheckAsync(cancellationToken).ConfigureAwait(false);
                gates.Add(new CheckResult(gate.Name, health.Healthy, health.Message));
            }
            var others = await connectors.GetAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyList<CheckResult> results = others is null
                ? [database, .. gates, new CheckResult("connectors", true, "first check still running")]
                : [database, .. gates, .. others.Where(o => gates.All(g => g.Name != o.Name))];
            var ready = database.Healthy && gates.All(g => g.Healthy);
            var body = new
            {
                status = !ready ? "unready" : results.All(r => r.Healthy) ? "ready" : "degraded",
                checks = results.Select(r => new { name = r.Name, healthy = r.Healthy, message = r.Message }),
            };
            return Results.Json(body, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
