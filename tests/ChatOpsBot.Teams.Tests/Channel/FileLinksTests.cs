using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Teams.Channel;
using ChatOpsBot.Teams.Tests.Fakes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Teams.Tests.Channel;

public sealed class FileLinksTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
    private readonly FileLinks _links;

    public FileLinksTests() => _links = new FileLinks(
        Options.Create(new TeamsOptions { AppId = "a", AppPassword = "secret", PublicBaseUrl = "https://bot.example.com/" }),
        new InMemoryChannelStateStore(), _clock);

    private async Task<(string Id, string Exp, string Sig)> PublishAsync()
    {
        var url = new Uri(await _links.PublishAsync("r-1:hits", new NotificationFile("hits.csv", "text/csv", "a,b\n"u8.ToArray()), default));
        Assert.Equal("bot.example.com", url.Host);
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        return (url.Segments[^1], query["exp"]!, query["sig"]!);
    }

    [Fact]
    public async Task SignedLink_OpensTheFile()
    {
        var (id, exp, sig) = await PublishAsync();
        var file = await _links.OpenAsync(id, exp, sig, default);
        Assert.Equal("hits.csv", file?.FileName);
    }

    [Fact]
    public async Task TamperedOrMissingSignature_OpensNothing()
    {
        var (id, exp, sig) = await PublishAsync();
        Assert.Null(await _links.OpenAsync(id, exp, sig[..^1] + (sig[^1] == '0' ? '1' : '0'), default));
        Assert.Null(await _links.OpenAsync(id, (long.Parse(exp, System.Globalization.CultureInfo.InvariantCulture) + 1000).ToString(System.Globalization.CultureInfo.InvariantCulture), sig, default));
        Assert.Null(await _links.OpenAsync(id, exp, null, default));
    }

    [Fact]
    public async Task ExpiredLink_OpensNothing()
    {
        var (id, exp, sig) = await PublishAsync();
        _clock.Advance(TimeSpan.FromDays(8));
        Assert.Null(await _links.OpenAsync(id, exp, sig, default));
    }
}
