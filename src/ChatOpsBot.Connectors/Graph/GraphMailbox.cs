using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChatOpsBot.Connectors.Common.Mime;
using ChatOpsBot.Core.Mail;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Graph;

/// <summary>
/// Users' mailboxes through Microsoft Graph with application permissions (Mail.Read): messages received since a
/// date (paged through <c>@odata.nextLink</c>), SHA-256 of file attachments, raw MIME through <c>/$value</c>.
/// Reading through Graph never changes the read state.
/// </summary>
internal sealed class GraphMailbox(HttpClient http, GraphTokenCache tokens, IOptions<GraphOptions> options) : IMailbox
{
    private const string Fields = "id,subject,from,receivedDateTime,hasAttachments,body";
    private readonly GraphOptions _options = options.Value;

    public async Task<IReadOnlyList<MailSummary>> ListRecentAsync(string user, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var mailbox = Mailbox(user);
        var filter = Uri.EscapeDataString($"receivedDateTime ge {Instant(since)} and receivedDateTime le {Instant(until)}");
        var next = $"users/{mailbox}/messages?$filter={filter}&$orderby=receivedDateTime%20desc&$select={Fields}&$top={_options.PageSize}";
        var summaries = new List<MailSummary>();
        while (next is not null)
        {
            var page = await GetJsonAsync(next, $"Listing the mail of '{user}'", cancellationToken).ConfigureAwait(false);
            foreach (var message in (page["value"] as JsonArray ?? []).OfType<JsonObject>())
                summaries.Add(await SummaryAsync(mailbox, message, cancellationToken).ConfigureAwait(false));
            next = NextLink(page);
        }

        return [.. summaries.Where(s => s.Received >= since && s.Received <= until).OrderByDescending(s => s.Received).ThenBy(s => s.MessageId, StringComparer.Ordinal)];
    }

    /// <summary>An OData DateTimeOffset literal in UTC; fractions kept, so the inclusive bounds are exact.</summary>
    private static string Instant(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture);

    public async Task<byte[]> ExportRawAsync(string user, string messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        using var request = await RequestAsync($"users/{Mailbox(user)}/messages/{Uri.EscapeDataString(messageId)}/$value", cancellationToken).ConfigureAwait(false);
        return await SendAsync(request, $"Exporting message of '{user}'", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one message id of <paramref name="user"/>: proves the token and the Mail.Read permission.</summary>
    internal async Task ProbeAsync(string user, CancellationToken cancellationToken) =>
        await GetJsonAsync($"users/{Mailbox(user)}/messages?$top=1&$select=id", $"Reading the mail of '{user}'", cancellationToken).ConfigureAwait(false);

    internal async Task TokenAsync(CancellationToken cancellationToken) => await tokens.GetAsync(http, cancellationToken).ConfigureAwait(false);

    private async Task<MailSummary> SummaryAsync(string mailbox, JsonObject message, CancellationToken cancellationToken)
    {
        var id = message["id"]?.GetValue<string>() ?? throw new GraphMailboxException("Graph answered a message without id");
        var body = message["body"] as JsonObject;
        var content = body?["content"]?.GetValue<string>();
        var html = string.Equals(body?["contentType"]?.GetValue<string>(), "html", StringComparison.OrdinalIgnoreCase);
        var received = DateTimeOffset.Parse(message["receivedDateTime"]?.GetValue<string>() ?? "", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var attachments = message["hasAttachments"]?.GetValue<bool>() == true
            ? await AttachmentsAsync(mailbox, id, cancellationToken).ConfigureAwait(false)
            : [];
        return new MailSummary(
            id,
            message["subject"]?.GetValue<string>() ?? "",
            message["from"]?["emailAddress"]?["address"]?.GetValue<string>() ?? "",
            received,
            attachments,
            LinkExtractor.Extract(html ? null : content, html ? content : null));
    }

    private async Task<IReadOnlyList<MailAttachment>> AttachmentsAsync(string mailbox, string messageId, CancellationToken cancellationToken)
    {
        var attachments = new List<MailAttachment>();
        string? next = $"users/{mailbox}/messages/{Uri.EscapeDataString(messageId)}/attachments";
        while (next is not null)
        {
            var page = await GetJsonAsync(next, "Reading attachments", cancellationToken).ConfigureAwait(false);
            foreach (var attachment in (page["value"] as JsonArray ?? []).OfType<JsonObject>())
            {
                // File attachments carry their bytes; item and reference attachments have none to hash.
                if (attachment["contentBytes"]?.GetValue<string>() is not { } base64)
                    continue;
                var bytes = Convert.FromBase64String(base64);
                attachments.Add(new MailAttachment(attachment["name"]?.GetValue<string>() ?? "(unnamed)", Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.LongLength));
            }

            next = NextLink(page);
        }

        return attachments;
    }

    private string Mailbox(string user)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        return Uri.EscapeDataString(string.Format(CultureInfo.InvariantCulture, _options.UserFormat, user));
    }

    /// <summary>The next page, only if it stays on the configured Graph host: the bearer token must not travel elsewhere.</summary>
    private string? NextLink(JsonObject page)
    {
        if (page["@odata.nextLink"]?.GetValue<string>() is not { } link)
            return null;
        var baseUri = http.BaseAddress!;
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != baseUri.Scheme || uri.Authority != baseUri.Authority)
            throw new GraphMailboxException($"Graph answered a next page on another host ({link}); refused");
        return link;
    }

    private async Task<JsonObject> GetJsonAsync(string url, string what, CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(url, cancellationToken).ConfigureAwait(false);
        try
        {
            return await GraphHttp.GetJsonAsync(http, request, what, cancellationToken).ConfigureAwait(false);
        }
        catch (GraphMailboxException e) when (e.StatusCode == HttpStatusCode.Unauthorized)
        {
            tokens.Invalidate();
            throw;
        }
    }

    private async Task<byte[]> SendAsync(HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await GraphHttp.SendAsync(http, request, what, cancellationToken).ConfigureAwait(false);
        }
        catch (GraphMailboxException e) when (e.StatusCode == HttpStatusCode.Unauthorized)
        {
            tokens.Invalidate();
            throw;
        }
    }

    private async Task<HttpRequestMessage> RequestAsync(string url, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = await tokens.GetAsync(http, cancellationToken).ConfigureAwait(false);
        return request;
    }
}
