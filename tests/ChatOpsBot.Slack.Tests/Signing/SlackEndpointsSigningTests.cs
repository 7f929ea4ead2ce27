using System.Net;
using System.Text;
using ChatOpsBot.Slack.Signing;
using ChatOpsBot.Slack.Tests.TestSupport;

namespace ChatOpsBot.Slack.Tests.Signing;

/// <summary>Through HTTP: a request that fails the signature check gets 401 and changes nothing.</summary>
public sealed class SlackEndpointsSigningTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    public static TheoryData<string, Func<string, string, (string? Timestamp, string? Signature)>> BadHeaders() => new()
    {
        { "stale", (ts, body) => Stale(-600, body) },
        { "future", (ts, body) => Stale(600, body) },
        { "tampered", (ts, _) => (ts, SlackSignatureVerifier.Sign(BotHost.Secret, ts, Encoding.UTF8.GetBytes("text=status"))) },
        { "missing signature", (ts, _) => (ts, "") },
        { "missing timestamp", (ts, body) => ("", SlackSignatureVerifier.Sign(BotHost.Secret, ts, Encoding.UTF8.GetBytes(body))) },
        { "v1", (ts, body) => (ts, "v1=" + SlackSignatureVerifier.Sign(BotHost.Secret, ts, Encoding.UTF8.GetBytes(body))[3..]) },
        { "non-numeric timestamp", (ts, body) => ("12ab", SlackSignatureVerifier.Sign(BotHost.Secret, "12ab", Encoding.UTF8.GetBytes(body))) },
        { "wrong secret", (ts, body) => (ts, SlackSignatureVerifier.Sign("not-the-secret", ts, Encoding.UTF8.GetBytes(body))) },
    };

    private static (string?, string?) Stale(int seconds, string body)
    {
        var ts = BotHost.Timestamp(DateTimeOffset.UtcNow.AddSeconds(seconds));
        return (ts, SlackSignatureVerifier.Sign(BotHost.Secret, ts, Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [MemberData(nameof(BadHeaders))]
    public async Task StartCommand_BadSignature_Is401AndStartsNothing(string name, Func<string, string, (string? Timestamp, string? Signature)> headers)
    {
        var body = SlackPayloads.CommandForm("start", BotHost.Approver, _bot.Slack.ResponseUrl("x"));
        var (timestamp, signature) = headers(BotHost.Timestamp(DateTimeOffset.UtcNow), body);

        using var response = await _bot.PostSignedAsync("slack/commands", body, "application/x-www-form-urlencoded", timestamp, signature);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, name);
        Assert.Empty(await _bot.Runs.ListAsync(10, CancellationToken.None));
    }

    [Theory]
    [InlineData("slack/interactions")]
    [InlineData("slack/events")]
    public async Task OtherEndpoints_Unsigned_Are401(string path)
    {
        using var response = await _bot.PostSignedAsync(path, """{"type":"url_verification","challenge":"c"}""", "application/json", "", "");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Help_SignedCorrectly_Is200WithUsage()
    {
        using var response = await _bot.CommandAsync("help");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/c2hunt start", await response.Content.ReadAsStringAsync());
    }
}
