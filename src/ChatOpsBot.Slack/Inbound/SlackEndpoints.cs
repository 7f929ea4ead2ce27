using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.Inbound;

/// <summary>
/// <c>POST /slack/commands</c>, <c>/slack/interactions</c>, <c>/slack/events</c>. Each reads the raw body, checks the
/// signature (401 and nothing processed when it fails), then hands the request to <see cref="SlackInbound"/>.
/// </summary>
public static class SlackEndpoints
{
    private const int MaxBody = 1 << 20;

    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/slack/commands", async (HttpContext http, SlackInbound inbound) =>
        {
            if (await ReadVerifiedAsync(http).ConfigureAwait(false) is not { } body) return Unauthorized();
            var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
            var command = new SlashCommand(
                form["text"].ToString(), form["user_id"].ToString(), form["user_name"].ToString(),
                Nullable(form["channel_id"]), Nullable(form["response_url"]), Nullable(form["trigger_id"]));
            return Reply(await inbound.CommandAsync(command, http.RequestAborted).ConfigureAwait(false));
        });
        routes.MapPost("/slack/interactions", async (HttpContext http, SlackInbound inbound) =>
        {
            if (await ReadVerifiedAsync(http).ConfigureAwait(false) is not { } body) return Unauthorized();
            var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
            var payload = Parse(form["payload"].ToString());
            if (payload is null) return Results.BadRequest();
            var (reply, recorded) = await inbound.RecordedInteractionAsync(payload, http.RequestAborted).ConfigureAwait(false);
            return recorded ? Reply(reply) : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        });
        routes.MapPost("/slack/events", async (HttpContext http, SlackInbound inbound) =>
        {
            if (await ReadVerifiedAsync(http).ConfigureAwait(false) is not { } body) return Unauthorized();
            var json = Parse(Encoding.UTF8.GetString(body));
            if (json is null) return Results.BadRequest();
            int? retry = int.TryParse(http.Request.Headers["X-Slack-Retry-Num"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
            return Reply(await inbound.EventAsync(json, retry, http.RequestAborted).ConfigureAwait(false));
        });
        return routes;
    }

    private static async Task<byte[]?> ReadVerifiedAsync(HttpContext http)
    {
        var verifier = http.RequestServices.GetRequiredService<SlackSignatureVerifier>();
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints));
        if (http.Request.ContentLength > MaxBody) return null;
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
        if (buffer.Length > MaxBody) return null;
        var body = buffer.ToArray();
        var check = verifier.Verify(
            http.Request.Headers[SlackSignatureVerifier.TimestampHeader].ToString(),
            http.Request.Headers[SlackSignatureVerifier.SignatureHeader].ToString(), body);
        if (check == SignatureCheck.Valid) return body;
        logger.LogWarning("Slack request to {Path} rejected: {SignatureCheck}", http.Request.Path.Value, check);
        return null;
    }

    private static IResult Unauthorized() => Results.StatusCode(StatusCodes.Status401Unauthorized);

    private static IResult Reply(JsonObject? body) =>
        body is null ? Results.Ok() : Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8);

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Nullable(Microsoft.Extensions.Primitives.StringValues value) => value.Count == 0 || string.IsNullOrEmpty(value) ? null : value.ToString();
}
