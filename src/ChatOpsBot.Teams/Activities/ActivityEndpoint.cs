using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Conversation;
using ChatOpsBot.Teams.Auth;
using ChatOpsBot.Teams.Cards;
using ChatOpsBot.Teams.Channel;
using ChatOpsBot.Teams.Connector;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams.Activities;

/// <summary>
/// <c>POST /api/messages</c>: authenticates the Bot Connector's call (401 and nothing processed otherwise), remembers
/// the conversation, and routes by activity type. The one error boundary of the Teams channel: known failures become
/// a polite reply, unknown ones are logged and answered with a correlation id.
/// </summary>
public sealed class ActivityEndpoint(
    BotFrameworkAuthenticator authenticator,
    TrustedServiceUrls trust,
    TeamsConversations conversations,
    CommandHandler commands,
    CardActionHandler cardActions,
    BotConnectorClient connector,
    IOptions<TeamsOptions> options,
    ILogger<ActivityEndpoint> logger)
{
    private const int MaxBodyBytes = 512 * 1024;

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        Activity? activity;
        try
        {
            if (http.Request.ContentLength > MaxBodyBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, ActivityJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            activity = null;
        }
        // Authenticate before anything else; an unreadable body cannot be checked, so it is refused the same way.
        if (activity is null) return Results.Unauthorized();
        var authorization = http.Request.Headers.Authorization.ToString();
        // The Playground sends no token; a request that carries one is checked like any other.
        var auth = string.IsNullOrEmpty(authorization)
                   && LocalPlayground.Accepts(options.Value.LocalPlayground, http.Connection.RemoteIpAddress, activity.ServiceUrl)
            ? AuthenticationResult.Ok
            : await authenticator.AuthenticateAsync(authorization, activity, cancellationToken).ConfigureAwait(false);
        if (!auth.Succeeded)
        {
            logger.LogWarning("Teams: refused an activity of type {Type} ({Reason})", activity.Type, auth.Failure);
            return Results.Unauthorized();
        }

        try
        {
            var reference = await RememberAsync(activity, cancellationToken).ConfigureAwait(false);
            return activity.Type switch
            {
                "message" => await OnMessageAsync(activity, reference, cancellationToken).ConfigureAwait(false),
                "invoke" when activity.Name == "adaptiveCard/action" => await OnCardActionAsync(activity, cancellationToken).ConfigureAwait(false),
                "invoke" => Results.Json(new JsonObject { ["status"] = 200 }),
                "conversationUpdate" => await OnConversationUpdateAsync(activity, reference, cancellationToken).ConfigureAwait(false),
                _ => Results.Ok(),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var correlation = http.TraceIdentifier;
            logger.LogError(e, "Teams: {Type} activity failed (correlation {Correlation})", activity.Type, correlation);
            if (activity.Type == "invoke")
                return Results.Json(InvokeResponse.Error(500, "InternalError", $"Something went wrong; quote {correlation} to your admin."));
            await TryReplyAsync(activity, $"Sorry, something went wrong; quote {correlation} to your admin.").ConfigureAwait(false);
            return Results.Ok();
        }
    }

    private async Task TryReplyAsync(Activity activity, string text)
    {
        if (activity.Type != "message" || activity.Id is null || TrustedServiceUrls.Normalize(activity.ServiceUrl) is not { } serviceUrl
            || activity.Conversation?.Id is not { Length: > 0 } conversationId) return;
        try
        {
            var reference = new ConversationReference(serviceUrl, conversationId, activity.TenantId, activity.Conversation.ConversationType);
            await connector.ReplyAsync(reference, activity.Id, new Activity { Type = "message", Text = text }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ConnectorException e)
        {
            logger.LogWarning("Teams: could not tell the user about the failure ({Error})", e.Message);
        }
    }

    private async Task<ConversationReference?> RememberAsync(Activity activity, CancellationToken cancellationToken)
    {
        var serviceUrl = TrustedServiceUrls.Normalize(activity.ServiceUrl);
        if (serviceUrl is null || activity.Conversation?.Id is not { Length: > 0 } conversationId) return null;
        await trust.TrustAsync(serviceUrl, cancellationToken).ConfigureAwait(false);
        var reference = new ConversationReference(serviceUrl, conversationId, activity.TenantId, activity.Conversation.ConversationType);
        await conversations.RememberAsync(reference, cancellationToken).ConfigureAwait(false);
        return reference;
    }

    private async Task<IResult> OnMessageAsync(Activity activity, ConversationReference? reference, CancellationToken cancellationToken)
    {
        if (reference is null || activity.Id is null) return Results.Ok();
        string reply;
        if (CardAction.From(activity.Value) is { } action)
        {
            // Action.Submit fallback (clients without Universal Actions): same answer path, reply as a message. The
            // inbox recognises a retry of this activity by its id, after the answer is stored rather than before.
            var result = await cardActions.HandleAsync(action, activity.From, activity.Id, cancellationToken).ConfigureAwait(false);
            reply = TeamsText.Escape(result.Message);
        }
        else
        {
            if (!await conversations.FirstDeliveryAsync(activity.Id, cancellationToken).ConfigureAwait(false)) return Results.Ok();
            var personal = string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase)
                           || activity.Conversation?.ConversationType is null;
            if (!personal && !MentionText.MentionsBot(activity)) return Results.Ok();
            reply = await commands.HandleAsync(MentionText.Strip(activity), activity, cancellationToken).ConfigureAwait(false);
        }
        await connector.ReplyAsync(reference, activity.Id, new Activity { Type = "message", TextFormat = "markdown", Text = reply }, cancellationToken)
            .ConfigureAwait(false);
        return Results.Ok();
    }

    private async Task<IResult> OnCardActionAsync(Activity activity, CancellationToken cancellationToken)
    {
        var value = activity.Value;
        JsonElement? data = null;
        string? verb = null;
        if (value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.Object)
        {
            verb = a.TryGetProperty("verb", out var vb) && vb.ValueKind == JsonValueKind.String ? vb.GetString() : null;
            data = a.TryGetProperty("data", out var d) ? d : null;
        }
        if (verb != CardAction.Verb || CardAction.From(data) is not { } action)
            return Results.Json(InvokeResponse.Error(400, "BadRequest", "This card action is not one the bot knows."));
        var result = await cardActions.HandleAsync(action, activity.From, activity.Id, cancellationToken).ConfigureAwait(false);
        if (result.BadInput) return Results.Json(InvokeResponse.Error(400, "BadRequest", result.Message));
        return Results.Json(result.Card is not null ? InvokeResponse.Card(result.Card) : InvokeResponse.Message(result.Message));
    }

    private async Task<IResult> OnConversationUpdateAsync(Activity activity, ConversationReference? reference, CancellationToken cancellationToken)
    {
        // The reference is already stored (that is what proactive posts need); greet only when the bot itself was added.
        var botAdded = activity.MembersAdded?.Any(m => m.Id is not null && m.Id == activity.Recipient?.Id) == true;
        if (botAdded && reference is not null && activity.Id is not null
            && await conversations.FirstDeliveryAsync(activity.Id, cancellationToken).ConfigureAwait(false))
        {
            logger.LogInformation("Teams: bot added to conversation {ConversationId} ({Type})", reference.ConversationId, reference.ConversationType);
            await connector.SendAsync(reference, new Activity { Type = "message", TextFormat = "markdown", Text = TeamsCommandReplies.Help(CommandGrammar.Commands) }, cancellationToken)
                .ConfigureAwait(false);
        }
        return Results.Ok();
    }
}
