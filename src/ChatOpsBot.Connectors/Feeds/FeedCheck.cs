using ChatOpsBot.Core.Feeds;
using ChatOpsBot.Core.Health;
using ChatOpsBot.Core.Playbook;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Feeds;

/// <summary>
/// <c>check</c> line for the configured feed (<c>Playbook:Feed</c>): it loads, and how many valid indicators it holds.
/// A feed with no valid indicator fails: a hunt over it would look at nothing.
/// </summary>
internal sealed class FeedCheck(IIocFeed feed, IOptions<PlaybookOptions> playbook) : IConnectorCheck
{
    public string Name => "feed (Playbook:Feed)";

    public async Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var location = playbook.Value.Feed;
        if (string.IsNullOrWhiteSpace(location)) return ConnectorHealth.Fail("not configured");
        var shown = Uri.TryCreate(location, UriKind.Absolute, out var uri) && !uri.IsFile ? uri.GetLeftPart(UriPartial.Path) : location;
        try
        {
            var result = await feed.LoadAsync(location, cancellationToken).ConfigureAwait(false);
            var invalid = result.InvalidLines.Count == 0 ? "" : $", {result.InvalidLines.Count} invalid line{(result.InvalidLines.Count == 1 ? "" : "s")}";
            return result.Indicators.Count == 0
                ? ConnectorHealth.Fail($"'{shown}' has no valid indicator{invalid}")
                : ConnectorHealth.Pass($"'{shown}': {result.Indicators.Count} valid indicators ({result.Format}){invalid}");
        }
        catch (FeedUnavailableException e)
        {
            return ConnectorHealth.Fail(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ConnectorHealth.Fail($"'{shown}' cannot be read: {e.Message}");
        }
    }
}
