using System.Net;
using ChatOpsBot.Core.Feeds;

namespace ChatOpsBot.Core.Tests.Fakes;

/// <summary>A feed with scripted indicators.</summary>
public sealed class FakeIocFeed : IIocFeed
{
    /// <summary>Indicators served.</summary>
    public List<string> Indicators { get; } = [];

    /// <summary>Bad lines served.</summary>
    public List<InvalidFeedLine> InvalidLines { get; } = [];

    /// <summary>Locations loaded, in order.</summary>
    public List<string> Loads { get; } = [];

    public Task<FeedResult> LoadAsync(string location, CancellationToken cancellationToken)
    {
        Loads.Add(location);
        IReadOnlyList<IPNetwork> networks = Indicators.Select(i => IPNetwork.Parse(i.Contains('/') ? i : $"{i}/32")).ToList();
        return Task.FromResult(new FeedResult(networks, InvalidLines.ToList(), FeedFormat.Plain));
    }
}
