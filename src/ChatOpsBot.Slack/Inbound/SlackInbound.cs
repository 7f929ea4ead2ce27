using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Escaping;
using ChatOpsBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.Inbound;

/// <summary>
/// The one entry both transports (HTTP endpoints, Socket Mode) feed, and the channel's error boundary: a known
/// Slack error becomes a friendly reply, anything else is logged with a correlation id quoted in the reply.
/// Slack always gets an acknowledgement.
/// </summary>
public sealed class SlackInbound(
    SlackCommandHandler commands,
    SlackInteractionHandler interactions,
    SlackEventHandler events,
    ILogger<SlackInbound> logger)
{
    public Task<JsonObject?> CommandAsync(SlashCommand command, CancellationToken cancellationToken) =>
        GuardAsync("command", async () => (JsonObject?)await commands.HandleAsync(command, cancellationToken).ConfigureAwait(false), reply: true);

    public Task<JsonObject?> InteractionAsync(JsonNode payload, CancellationToken cancellationToken) =>
        GuardAsync("interaction", () => interactions.HandleAsync(payload, cancellationToken), reply: false);

    public Task<JsonObject?> EventAsync(JsonNode body, int? retryNum, CancellationToken cancellationToken) =>
        GuardAsync("event", () => events.HandleAsync(body, retryNum, cancellationToken), reply: false);

    private async Task<JsonObject?> GuardAsync(string kind, Func<Task<JsonObject?>> handle, bool reply)
    {
        try
        {
            return await handle().ConfigureAwait(false);
        }
        catch (SlackApiException e)
        {
            logger.LogWarning("Slack {Kind}: Slack API error {Error} from {Method}", kind, e.Error, e.Method);
            return reply ? SlackReplies.Ephemeral($"Slack refused a request ({SlackText.Escape(e.Error)}); please try again.") : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var reference = Guid.NewGuid().ToString("N")[..8];
            logger.LogError(e, "Slack {Kind} failed; correlation id {CorrelationId}", kind, reference);
            return reply ? SlackReplies.Ephemeral($"Something went wrong (reference `{reference}`). The error was logged.") : null;
        }
    }
}
