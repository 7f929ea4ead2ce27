using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChatOpsBot.Teams.Activities;
using ChatOpsBot.Teams.Auth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams.Connector;

/// <summary>
/// The Bot Connector REST API (<c>{serviceUrl}v3/conversations/...</c>): send, reply, update, create conversation.
/// Only trusted serviceUrls get the token; writes are paced per conversation; 429, 412, 502 and 504 are retried
/// with jittered back-off (Retry-After wins); 403 MessageWritesBlocked is surfaced at once.
/// </summary>
public sealed class BotConnectorClient(
    HttpClient http,
    ConnectorTokenProvider tokens,
    TrustedServiceUrls trust,
    ConversationPacer pacer,
    IOptions<TeamsOptions> options,
    TimeProvider clock,
    ILogger<BotConnectorClient> logger)
{
    private static readonly HashSet<HttpStatusCode> Retried =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway, HttpStatusCode.GatewayTimeout];

    /// <summary>Posts a new message; returns its activity id.</summary>
    public Task<string?> SendAsync(ConversationReference conversation, Activity activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, conversation.ServiceUrl, $"v3/conversations/{Escape(conversation.ConversationId)}/activities",
            Prepare(activity, conversation), conversation.ConversationId, cancellationToken);

    /// <summary>Replies to <paramref name="replyToId"/> (in a channel: in its thread); returns the reply's id.</summary>
    public Task<string?> ReplyAsync(ConversationReference conversation, string replyToId, Activity activity, CancellationToken cancellationToken)
    {
        activity.ReplyToId = replyToId;
        return CallAsync(HttpMethod.Post, conversation.ServiceUrl,
            $"v3/conversations/{Escape(conversation.ConversationId)}/activities/{Escape(replyToId)}",
            Prepare(activity, conversation), conversation.ConversationId, cancellationToken);
    }

    /// <summary>Replaces message <paramref name="activityId"/> (a refreshed card).</summary>
    public async Task UpdateAsync(ConversationReference conversation, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        activity.Id = activityId;
        await CallAsync(HttpMethod.Put, conversation.ServiceUrl,
            $"v3/conversations/{Escape(conversation.ConversationId)}/activities/{Escape(activityId)}",
            Prepare(activity, conversation), conversation.ConversationId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a conversation (1:1 chat, or a channel thread); returns its id.</summary>
    public async Task<string> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        await CallAsync(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, null, cancellationToken).ConfigureAwait(false)
        ?? throw new ConnectorException(null, "The Bot Connector created a conversation without an id.");

    private Activity Prepare(Activity activity, ConversationReference conversation)
    {
        activity.Type ??= "message";
        activity.From ??= new ChannelAccount { Id = $"28:{options.Value.AppId}" };
        activity.Conversation ??= new ConversationAccount { Id = conversation.ConversationId };
        return activity;
    }

    private async Task<string?> CallAsync(HttpMethod method, string serviceUrl, string path, object body, string? conversationId, CancellationToken cancellationToken)
    {
        var baseUrl = TrustedServiceUrls.Normalize(serviceUrl);
        if (baseUrl is null || !await trust.IsTrustedAsync(baseUrl, cancellationToken).ConfigureAwait(false))
            throw new UntrustedServiceUrlException(serviceUrl);
        var uri = new Uri(new Uri(baseUrl), path);
        var o = options.Value;
        // The local Playground takes replies without a token (and there is no app secret to get one with).
        var anonymous = o.LocalPlayground && LocalPlayground.IsConnectorUrl(baseUrl);
        for (var attempt = 1; ; attempt++)
        {
            if (conversationId is not null) await pacer.WaitTurnAsync(conversationId, cancellationToken).ConfigureAwait(false);
            using var request = new HttpRequestMessage(method, uri) { Content = JsonContent.Create(body, body.GetType(), options: ActivityJson.Options) };
            if (!anonymous)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false));
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e) when (attempt < o.MaxAttempts)
            {
                logger.LogWarning("Bot Connector {Method} {Path} failed ({Error}); attempt {Attempt} of {Max}", method, path, e.Message, attempt, o.MaxAttempts);
                await Task.Delay(Backoff(attempt, null), clock, cancellationToken).ConfigureAwait(false);
                continue;
            }
            using (response)
            {
                if (response.IsSuccessStatusCode) return await ReadIdAsync(response, cancellationToken).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.Forbidden && text.Contains("MessageWritesBlocked", StringComparison.OrdinalIgnoreCase))
                    throw new MessageWritesBlockedException(conversationId ?? "(new conversation)");
                var retry = Retried.Contains(response.StatusCode) || (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1);
                if (!retry || attempt >= o.MaxAttempts)
                    throw new ConnectorException(response.StatusCode, $"Bot Connector {method} {path} failed with HTTP {(int)response.StatusCode} after {attempt} attempt(s).");
                if (response.StatusCode == HttpStatusCode.Unauthorized) tokens.Invalidate();
                var delay = Backoff(attempt, response.Headers.RetryAfter);
                logger.LogWarning("Bot Connector {Method} {Path}: HTTP {Status}; retrying in {Delay} (attempt {Attempt} of {Max})",
                    method, path, (int)response.StatusCode, delay, attempt, o.MaxAttempts);
                await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private TimeSpan Backoff(int attempt, RetryConditionHeaderValue? retryAfter)
    {
        if (retryAfter?.Delta is { } delta) return delta;
        if (retryAfter?.Date is { } date) return date - clock.GetUtcNow() is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero;
        var exponential = options.Value.RetryBaseDelay * Math.Pow(2, attempt - 1);
        return exponential * (0.5 + Random.Shared.NextDouble()); // jitter: retries from many conversations do not line up
    }

    private static async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
