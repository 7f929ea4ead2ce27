using System.Text.Json.Nodes;
using ChatOpsBot.Core.Playbook.Inbox;
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
    SlackWebApiClient slack,
    ILogger<SlackInbound> logger)
{
    public Task<JsonObject?> CommandAsync(SlashCommand command, CancellationToken cancellationToken) =>
        GuardAsync("command", async () => (JsonObject?)await commands.HandleAsync(command, cancellationToken).ConfigureAwait(false), reply: true);

    public async Task<JsonObject?> InteractionAsync(JsonNode payload, CancellationToken cancellationToken) =>
        (await RecordedInteractionAsync(payload, cancellationToken).ConfigureAwait(false)).Body;

    /// <summary>
    /// Like <see cref="InteractionAsync"/>, and says whether an answer in it could be recorded. When it could not (the
    /// database is unreachable), the person is told to answer again, and the HTTP endpoint answers 503 so Slack shows
    /// the click failed rather than acknowledging it.
    /// </summary>
    public async Task<(JsonObject? Body, bool Recorded)> RecordedInteractionAsync(JsonNode payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        try
        {
            return (await GuardAsync("interaction", () => interactions.HandleAsync(payload, cancellationToken), reply: false, rethrow: true).ConfigureAwait(false), true);
        }
        catch (AnswerNotRecordedException)
        {
            if (payload["response_url"]?.GetValue<string>() is { } responseUrl)
            {
                try
                {
                    await slack.RespondAsync(responseUrl, SlackReplies.Ephemeral("Your answer could not be recorded right now (the bot's database is unavailable); please answer again in a moment."),
                        CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception e) when (e is SlackApiException or HttpRequestException or TaskCanceledException)
                {
                    logger.LogWarning("Could not tell the user their answer was not recorded ({Error})", e.Message);
                }
            }
            return (null, false);
        }
    }

    public Task<JsonObject?> EventAsync(JsonNode body, int? retryNum, CancellationToken cancellationToken) =>
        GuardAsync("event", () => events.HandleAsync(body, retryNum, cancellationToken), reply: false);

    private async Task<JsonObject?> GuardAsync(string kind, Func<Task<JsonObject?>> handle, bool reply, bool rethrow = false)
    {
        try
        {
            return await handle().ConfigureAwait(false);
        }
        catch (AnswerNotRecordedException) when (rethrow)
        {
            throw;
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
