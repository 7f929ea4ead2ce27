using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.WebApi;

/// <summary>
/// Slack's Web API over a typed <see cref="HttpClient"/>: JSON bodies with the bot token (form bodies where Slack
/// requires them), <c>ok:false</c> turned into <see cref="SlackApiException"/>, 429 honoured by <see cref="SlackRetryAfterHandler"/>.
/// </summary>
public sealed class SlackWebApiClient(IHttpClientFactory clients, IOptions<SlackOptions> options, ChannelPacer pacer)
{
    /// <summary>Name of the configured <see cref="HttpClient"/> (with the 429 handler).</summary>
    public const string HttpClientName = "Slack";

    // A client per call from the factory: this class is a singleton and the factory rotates handlers.
    private HttpClient Http => clients.CreateClient(HttpClientName);

    /// <summary>Posts a message; returns its <c>ts</c>.</summary>
    public Task<string> PostMessageAsync(string channel, string text, JsonArray? blocks, string? threadTs, CancellationToken cancellationToken) =>
        PostMessageAsync(channel, text, blocks, threadTs, metadata: null, cancellationToken);

    /// <summary>
    /// Posts a message carrying <paramref name="metadata"/> (<c>{"event_type":…,"event_payload":{…}}</c>, Slack's message
    /// metadata, which <see cref="HistoryAsync"/> returns), so it can be found again; returns its <c>ts</c>.
    /// </summary>
    public Task<string> PostMessageAsync(string channel, string text, JsonArray? blocks, string? threadTs, JsonObject? metadata, CancellationToken cancellationToken) =>
        PostMessageAsync(channel, text, blocks, threadTs, replyBroadcast: false, metadata, cancellationToken);

    /// <summary>
    /// Posts a message, in the thread of <paramref name="threadTs"/> when given; <paramref name="replyBroadcast"/> shows
    /// that thread reply in the channel too (Slack's <c>reply_broadcast</c>). Returns its <c>ts</c>.
    /// </summary>
    public async Task<string> PostMessageAsync(
        string channel, string text, JsonArray? blocks, string? threadTs, bool replyBroadcast, JsonObject? metadata, CancellationToken cancellationToken)
    {
        await pacer.WaitTurnAsync(channel, cancellationToken).ConfigureAwait(false);
        var body = new JsonObject { ["channel"] = channel, ["text"] = text, ["unfurl_links"] = false, ["unfurl_media"] = false };
        if (blocks is not null) body["blocks"] = blocks;
        if (threadTs is not null) body["thread_ts"] = threadTs;
        if (threadTs is not null && replyBroadcast) body["reply_broadcast"] = true;
        if (metadata is not null) body["metadata"] = metadata;
        var reply = await CallJsonAsync("chat.postMessage", body, options.Value.BotToken, cancellationToken).ConfigureAwait(false);
        return reply["ts"]?.GetValue<string>() ?? throw new SlackApiException("chat.postMessage", "missing_ts");
    }

    /// <summary>Replaces the text and blocks of message <paramref name="ts"/>.</summary>
    public Task UpdateMessageAsync(string channel, string ts, string text, JsonArray blocks, CancellationToken cancellationToken) =>
        UpdateMessageAsync(channel, ts, text, blocks, metadata: null, cancellationToken);

    /// <summary>Replaces the text and blocks (and, when given, the metadata) of message <paramref name="ts"/>.</summary>
    public async Task UpdateMessageAsync(string channel, string ts, string text, JsonArray blocks, JsonObject? metadata, CancellationToken cancellationToken)
    {
        await pacer.WaitTurnAsync(channel, cancellationToken).ConfigureAwait(false);
        var body = new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = text, ["blocks"] = blocks };
        if (metadata is not null) body["metadata"] = metadata;
        await CallJsonAsync("chat.update", body, options.Value.BotToken, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One page of <c>conversations.history</c> of <paramref name="channel"/>, newest first, from <paramref name="oldest"/>
    /// on, with each message's metadata (<c>include_all_metadata</c>); the cursor of the next page, or null.
    /// </summary>
    public async Task<(IReadOnlyList<JsonObject> Messages, string? NextCursor)> HistoryAsync(
        string channel, DateTimeOffset oldest, string? cursor, CancellationToken cancellationToken)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("channel", channel),
            new("oldest", SlackTimestamp(oldest)),
            new("limit", "200"),
            new("include_all_metadata", "true"),
        };
        if (cursor is not null) fields.Add(new("cursor", cursor));
        var reply = await CallFormAsync("conversations.history", fields, cancellationToken).ConfigureAwait(false);
        var messages = reply["messages"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        var next = reply["response_metadata"]?["next_cursor"]?.GetValue<string>();
        return (messages, reply["has_more"]?.GetValueKind() == JsonValueKind.True && !string.IsNullOrEmpty(next) ? next : null);
    }

    /// <summary>
    /// One page of <c>conversations.replies</c>: the thread of <paramref name="threadTs"/> in <paramref name="channel"/>
    /// (its root, then replies), from <paramref name="oldest"/> on, with metadata; <c>conversations.history</c> lists only
    /// the channel's top-level messages, so a thread reply is looked up here. The cursor of the next page, or null.
    /// </summary>
    public async Task<(IReadOnlyList<JsonObject> Messages, string? NextCursor)> RepliesAsync(
        string channel, string threadTs, DateTimeOffset oldest, string? cursor, CancellationToken cancellationToken)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("channel", channel),
            new("ts", threadTs),
            new("oldest", SlackTimestamp(oldest)),
            new("limit", "200"),
            new("include_all_metadata", "true"),
        };
        if (cursor is not null) fields.Add(new("cursor", cursor));
        var reply = await CallFormAsync("conversations.replies", fields, cancellationToken).ConfigureAwait(false);
        var messages = reply["messages"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        var next = reply["response_metadata"]?["next_cursor"]?.GetValue<string>();
        return (messages, reply["has_more"]?.GetValueKind() == JsonValueKind.True && !string.IsNullOrEmpty(next) ? next : null);
    }

    /// <summary>A time as Slack writes message timestamps: Unix seconds with six decimals.</summary>
    public static string SlackTimestamp(DateTimeOffset at) =>
        (at.ToUnixTimeMilliseconds() / 1000m).ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Shows <paramref name="text"/> to <paramref name="user"/> only.</summary>
    public Task PostEphemeralAsync(string channel, string user, string text, CancellationToken cancellationToken) =>
        CallJsonAsync("chat.postEphemeral", new JsonObject { ["channel"] = channel, ["user"] = user, ["text"] = text }, options.Value.BotToken, cancellationToken);

    /// <summary>Opens a modal for the interaction that produced <paramref name="triggerId"/> (valid for 3 s).</summary>
    public Task OpenViewAsync(string triggerId, JsonObject view, CancellationToken cancellationToken) =>
        CallJsonAsync("views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, options.Value.BotToken, cancellationToken);

    /// <summary>Members of a user group.</summary>
    public async Task<IReadOnlyList<string>> UserGroupMembersAsync(string userGroup, CancellationToken cancellationToken)
    {
        var reply = await CallFormAsync("usergroups.users.list", [new("usergroup", userGroup)], cancellationToken).ConfigureAwait(false);
        return reply["users"]?.AsArray().Select(u => u!.GetValue<string>()).ToList() ?? [];
    }

    /// <summary>
    /// Uploads a file and shares it: <c>files.getUploadURLExternal</c>, the bytes to the returned URL, then
    /// <c>files.completeUploadExternal</c> into <paramref name="channel"/> (in the thread of <paramref name="threadTs"/>).
    /// </summary>
    public async Task<string> UploadFileAsync(string channel, string? threadTs, string fileName, byte[] content, string title, string? comment, CancellationToken cancellationToken)
    {
        var ticket = await CallFormAsync("files.getUploadURLExternal",
            [new("filename", fileName), new("length", content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))], cancellationToken).ConfigureAwait(false);
        var uploadUrl = ticket["upload_url"]?.GetValue<string>() ?? throw new SlackApiException("files.getUploadURLExternal", "missing_upload_url");
        var fileId = ticket["file_id"]?.GetValue<string>() ?? throw new SlackApiException("files.getUploadURLExternal", "missing_file_id");

        using (var upload = new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = new ByteArrayContent(content) })
        {
            upload.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var uploaded = await Http.SendAsync(upload, cancellationToken).ConfigureAwait(false);
            if (!uploaded.IsSuccessStatusCode)
                throw new SlackApiException("file upload", $"http_{(int)uploaded.StatusCode}", (int)uploaded.StatusCode);
        }

        await pacer.WaitTurnAsync(channel, cancellationToken).ConfigureAwait(false);
        var files = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = title }).ToJsonString();
        var fields = new List<KeyValuePair<string, string>> { new("files", files), new("channel_id", channel) };
        if (threadTs is not null) fields.Add(new("thread_ts", threadTs));
        if (comment is not null) fields.Add(new("initial_comment", comment));
        await CallFormAsync("files.completeUploadExternal", fields, cancellationToken).ConfigureAwait(false);
        return fileId;
    }

    /// <summary><c>auth.test</c> with the bot token: who the token belongs to, as <c>user</c> in <c>team</c>.</summary>
    public async Task<(string User, string Team)> AuthTestAsync(CancellationToken cancellationToken)
    {
        var reply = await CallJsonAsync("auth.test", new JsonObject(), options.Value.BotToken, cancellationToken).ConfigureAwait(false);
        return (reply["user"]?.GetValue<string>() ?? "?", reply["team"]?.GetValue<string>() ?? "?");
    }

    /// <summary>Opens a Socket Mode connection with the app token; returns the WebSocket URL.</summary>
    public async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var reply = await CallJsonAsync("apps.connections.open", new JsonObject(), options.Value.AppToken, cancellationToken).ConfigureAwait(false);
        return new Uri(reply["url"]?.GetValue<string>() ?? throw new SlackApiException("apps.connections.open", "missing_url"));
    }

    /// <summary>Posts to an interaction's <c>response_url</c> (no token: the URL is the credential).</summary>
    public async Task RespondAsync(string responseUrl, JsonObject message, CancellationToken cancellationToken)
    {
        using var content = new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(responseUrl), content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw new SlackApiException("response_url", $"http_{(int)response.StatusCode}", (int)response.StatusCode);
    }

    private async Task<JsonObject> CallJsonAsync(string method, JsonObject body, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(method))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await SendAsync(method, request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> CallFormAsync(string method, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(method)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.BotToken);
        return await SendAsync(method, request, cancellationToken).ConfigureAwait(false);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        _ => null,
    };

    private Uri Endpoint(string method)
    {
        var baseUrl = options.Value.ApiBaseUrl.ToString();
        return new Uri(baseUrl.EndsWith('/') ? baseUrl + method : baseUrl + "/" + method);
    }

    private async Task<JsonObject> SendAsync(string method, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode == 429) throw new SlackApiException(method, "ratelimited", 429, RetryAfter(response));
        if (!response.IsSuccessStatusCode) throw new SlackApiException(method, $"http_{(int)response.StatusCode}", (int)response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonObject reply;
        try
        {
            reply = JsonNode.Parse(text) as JsonObject ?? throw new SlackApiException(method, "invalid_response");
        }
        catch (JsonException)
        {
            throw new SlackApiException(method, "invalid_response");
        }
        if (reply["ok"]?.GetValueKind() != JsonValueKind.True)
            throw new SlackApiException(method, reply["error"]?.GetValue<string>() ?? "unknown_error");
        return reply;
    }
}
