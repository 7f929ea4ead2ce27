using ChatOpsBot.Composition;

namespace ChatOpsBot.Web;

/// <summary><c>GET /healthz/ready</c>: 200 when the database and every configured connector answer, 503 otherwise; the same lines as <c>check</c>.</summary>
public static class ReadinessEndpoint
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapReadiness(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz/ready", async (ConnectorCheckRunner runner, CancellationToken cancellationToken) =>
        {
            var results = await runner.RunAsync(cancellationToken).ConfigureAwait(false);
            var body = new
            {
                status = results.All(r => r.Healthy) ? "ready" : "unready",
                checks = results.Select(r => new { name = r.Name, healthy = r.Healthy, message = r.Message }),
            };
            return Results.Json(body, statusCode: results.All(r => r.Healthy) ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
