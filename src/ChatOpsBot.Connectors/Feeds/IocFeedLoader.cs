using System.Text;
using ChatOpsBot.Core.Feeds;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Feeds;

/// <summary>
/// Loads a known-C2 feed (Bambenek c2-ipmasterlist, abuse.ch Feodo CSV or JSON, or a plain list) from a file or an http(s) URL.
/// The content is streamed line by line, so a large feed never sits in memory as one string. The HTTP client (and
/// its resilience pipeline) is only built for a URL: a file feed, the terminal's usual case, starts without it.
/// </summary>
public sealed class IocFeedLoader(IHttpClientFactory httpClients, IOptions<FeedOptions> options, TimeProvider timeProvider) : IIocFeed
{
    /// <summary>The named HttpClient feeds are downloaded with (see <see cref="FeedExtensions.AddIocFeed"/>).</summary>
    public const string HttpClientName = "feed";

    private const int FileBufferSize = 64 * 1024;

    public async Task<FeedResult> LoadAsync(string location, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        var timeoutSeconds = options.Value.TimeoutSeconds;

        // One budget for download and parse together, measured on the injected clock.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds), timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return TryGetHttpUri(location, out var uri)
                ? await LoadFromHttpAsync(uri, linked.Token)
                : await LoadFromFileAsync(location, linked.Token);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new FeedUnavailableException($"Feed '{Describe(location)}' did not load within {timeoutSeconds} s (Feed:TimeoutSeconds).", ex);
        }
        catch (FeedFormatException ex)
        {
            // Never "0 indicators": a hunt over a feed it could not read would look like a clean day.
            throw new FeedUnavailableException($"Feed '{Describe(location)}' is not an IOC list: {ex.Message}.", ex);
        }
    }

    private async Task<FeedResult> LoadFromHttpAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        HttpResponseMessage response;
        try
        {
            // Headers only: the body is parsed while it arrives.
            response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new FeedUnavailableException($"Feed download from {Describe(uri)} failed: {ex.Message}", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new FeedUnavailableException(
                    $"Feed download from {Describe(uri)} failed: HTTP {(int)response.StatusCode} ({response.ReasonPhrase ?? response.StatusCode.ToString()}).");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return await FeedParser.ParseAsync(reader, cancellationToken);
        }
    }

    private static async Task<FeedResult> LoadFromFileAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FeedUnavailableException($"Feed file '{path}' was not found.");
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await FeedParser.ParseAsync(reader, cancellationToken);
    }

    private static bool TryGetHttpUri(string location, out Uri uri)
    {
        if (Uri.TryCreate(location, UriKind.Absolute, out var parsed) && !parsed.IsFile)
        {
            if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
            {
                throw new FeedUnavailableException($"Feed location scheme '{parsed.Scheme}' is not supported; use a file path or an http(s) URL.");
            }

            uri = parsed;
            return true;
        }

        uri = null!;
        return false;
    }

    // Query strings may carry API keys; they stay out of messages that end up in chat.
    private static string Describe(Uri uri) => uri.GetLeftPart(UriPartial.Path);

    private static string Describe(string location) => TryGetHttpUri(location, out var uri) ? Describe(uri) : location;
}
