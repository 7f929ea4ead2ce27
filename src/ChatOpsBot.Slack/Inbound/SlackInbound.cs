using System.Text.Json.Nodes;
using ChatOpsBot.Core.Playbook.Inbox;
using ChatOpsBot.Slack.Escaping;
using ChatOpsBot.Slack.WebApi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
    SlackBackgroundQueue background,
    IOptions<SlackOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<SlackInbound> logger)
{
    /// <summary>
    /// Handles a slash command and returns the acknowledgement, always within <see cref="SlackOptions.CommandReplyBudget"/>
    /// (Slack drops a command not acknowledged in 3 s). A command that takes longer (a cold replica's first
    /// <c>start</c> writes a run through a database connection not yet opened) keeps running, detached from the request;
    /// Slack gets a holding reply and the real one follows through <c>response_url</c>. Commands are not answers:
    /// answers are persisted before their acknowledgement (see <see cref="SlackInteractionHandler"/>), while a command
    /// lost with a replica after the holding reply shows as no follow-up and is safe to repeat.
    /// </summary>
    public async Task<JsonObject?> CommandAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        // Not the request's token: the command must be able to finish after Slack has been acknowledged.
        var handling = GuardAsync("command", async () => (JsonObject?)await commands.HandleAsync(command, lifetime.ApplicationStopping).ConfigureAwait(false), reply: true);
        if (command.ResponseUrl is not { Length: > 0 } responseUrl) return await handling.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await handling.WaitAsync(options.Value.CommandReplyBudget, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            logger.LogInformation("Slack command took longer than {Budget}; acknowledged now, the reply follows through response_url", options.Value.CommandReplyBudget);
            background.Enqueue("late command reply", async ct =>
            {
                if (await handling.ConfigureAwait(false) is { } reply) await slack.RespondAsync(responseUrl, reply, ct).ConfigureAwait(false);
            });
            return SlackReplies.Ephemeral("Working on it… the answer follows here in a moment.");
        }
    }

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
