using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Slack.SocketMode;
using ChatOpsBot.Slack.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Slack.Tests.EndToEnd;

/// <summary>
/// Socket Mode against the loopback fake when Slack keeps closing sockets or refuses the app token. The clock is fake
/// where the back-off schedule is asserted (the sockets and HTTP stay real); one test runs on real time.
/// </summary>
public sealed class SocketModeResilienceTests
{
    private const string Open = "apps.connections.open";
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task DisconnectAfterEveryHello_ForFiveSeconds_OpensAtMostTenConnections_AndRecoversOnTheFirstHealthyLink()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var slack = await FakeSlack.StartAsync();
        slack.DisconnectAfterHello = "refresh_requested";
        await using var bot = await BotHost.StartAsync(socketMode: true, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)), slack: slack);

        await AdvanceAsync(clock, TimeSpan.FromSeconds(5));
        var storm = slack.CallsTo(Open).Count;
        Assert.InRange(storm, 3, 10);

        slack.DisconnectAfterHello = null;
        var session = await AdvanceUntilSessionAsync(clock, slack);
        Assert.Contains("/c2hunt start", (await new SocketTransport(() => session).CommandAsync("help", BotHost.Approver))["text"]!.GetValue<string>());
        var (status, healthy, message) = await SocketModeReadinessAsync(bot);
        Assert.Equal((HttpStatusCode.OK, true), (status, healthy));
        Assert.Contains("connected", message, StringComparison.Ordinal);

        // The link delivered an envelope, so it was healthy: a drop now reconnects at once, without the clock moving.
        session.Drop();
        var next = await slack.Sessions.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Contains("/c2hunt start", (await new SocketTransport(() => next).CommandAsync("help", BotHost.Approver))["text"]!.GetValue<string>());

        var metrics = await bot.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Matches("""chatopsbot_slack_socket_mode_reconnects_total\{[^}]*reason="refresh_requested"[^}]*\} [1-9]""", metrics);
        Assert.Matches("""chatopsbot_slack_socket_mode_reconnects_total\{[^}]*reason="dropped"[^}]*\} 1""", metrics);
        Assert.Matches("""chatopsbot_slack_socket_mode_connections\{[^}]*state="connected"[^}]*\} 1""", metrics);
    }

    [Fact]
    public async Task TooManyWebsockets_IsNotAnsweredWithAnImmediateReconnect()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var slack = await FakeSlack.StartAsync();
        slack.DisconnectAfterHello = "too_many_websockets";
        await using var bot = await BotHost.StartAsync(socketMode: true, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)), slack: slack);

        await Eventually.WaitAsync(() => slack.CallsTo(Open).Count == 1 && slack.Calls.Any(c => c.Method == "socket") && slack.OpenSockets == 0, "the refused socket to close");
        await Task.Delay(500);
        Assert.Single(slack.CallsTo(Open));

        clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.WaitAsync(() => slack.CallsTo(Open).Count == 2, "the next attempt after one back-off step");
    }

    [Fact]
    public async Task InvalidAuth_FailsReadinessWithTheReasonWithinOneBackoffStep_LogsOncePerStep_AndRecoversWhenTheTokenIsAccepted()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var logger = new RecordingLogger<SocketModeClient>();
        var slack = await FakeSlack.StartAsync();
        slack.KeepFailing(Open, "invalid_auth");
        await using var bot = await BotHost.StartAsync(socketMode: true, slack: slack, services: s =>
        {
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            s.AddSingleton<ILogger<SocketModeClient>>(logger);
        });

        // The clock has not moved: the first refusal, before any back-off has elapsed, already fails readiness.
        var refused = await Eventually.WaitAsync(async () =>
        {
            var r = await SocketModeReadinessAsync(bot);
            return r.Healthy == false ? r.Message : null;
        }, "readiness to report the refused token");
        Assert.Contains("invalid_auth", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await SocketModeReadinessAsync(bot)).Status);
        Assert.Equal(1, logger.Count(LogLevel.Error));
        Assert.Equal(0, logger.Count(LogLevel.Warning));

        // 1, 2, 4 … 60 s: after four minutes the back-off is at its maximum and further attempts log nothing new.
        await AdvanceAsync(clock, TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(1));
        var (attempts, errors) = (slack.CallsTo(Open).Count, logger.Count(LogLevel.Error));
        Assert.InRange(attempts, 7, 12);
        Assert.Equal(7, errors);
        await AdvanceAsync(clock, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1));
        Assert.InRange(slack.CallsTo(Open).Count, attempts + 2, attempts + 4);
        Assert.Equal(errors, logger.Count(LogLevel.Error));
        Assert.False((await SocketModeReadinessAsync(bot)).Healthy);

        slack.StopFailing(Open);
        await AdvanceUntilSessionAsync(clock, slack);
        var (status, healthy, message) = await SocketModeReadinessAsync(bot);
        Assert.Equal((HttpStatusCode.OK, true), (status, healthy));
        Assert.DoesNotContain("invalid_auth", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealTime_SmallBackoff_StormIsThrottled_RefusedTokenFailsReadiness_AndBothRecover()
    {
        var slack = await FakeSlack.StartAsync();
        slack.DisconnectAfterHello = "link_disabled";
        await using var bot = await BotHost.StartAsync(socketMode: true, slack: slack, configure: s =>
        {
            s["Slack:SocketModeConnection:InitialBackoff"] = "00:00:00.100";
            s["Slack:SocketModeConnection:MaxBackoff"] = "00:00:00.400";
        });

        // Without a back-off this is about 45 connections (one per ~44 ms); with 0.1 s doubling to 0.4 s it is about 8.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.InRange(slack.CallsTo(Open).Count, 3, 14);
        // Backed off to the maximum with no link: readiness says so, with Slack's reason.
        await Eventually.WaitAsync(async () => (await SocketModeReadinessAsync(bot)) is { Status: HttpStatusCode.ServiceUnavailable, Healthy: false } r
            && r.Message.Contains("link_disabled", StringComparison.Ordinal), "readiness to fail after the back-off reached its maximum", seconds: 5);

        slack.KeepFailing(Open, "account_inactive");
        slack.DisconnectAfterHello = null;
        await Eventually.WaitAsync(async () => (await SocketModeReadinessAsync(bot)).Message.Contains("account_inactive", StringComparison.Ordinal),
            "readiness to report the refused token", seconds: 10);
        Assert.False((await SocketModeReadinessAsync(bot)).Healthy);
        Assert.Equal(HttpStatusCode.OK, (await bot.Http.GetAsync(new Uri("/healthz/live", UriKind.Relative))).StatusCode);

        slack.StopFailing(Open);
        var session = await slack.Sessions.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("/c2hunt start", (await new SocketTransport(() => session).CommandAsync("help", BotHost.Approver))["text"]!.GetValue<string>());
        Assert.True((await SocketModeReadinessAsync(bot)).Healthy);
    }

    [Fact]
    public async Task MaxConnections_Two_HoldsTwoSocketsThatBothServe_AndOpensNoMore()
    {
        var slack = await FakeSlack.StartAsync();
        slack.MaxSockets = 2;
        await using var bot = await BotHost.StartAsync(socketMode: true, slack: slack, configure: s => s["Slack:SocketModeConnection:MaxConnections"] = "2");

        var first = await slack.Sessions.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        var second = await slack.Sessions.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        foreach (var session in new[] { first, second })
            Assert.Contains("/c2hunt start", (await new SocketTransport(() => session).CommandAsync("help", BotHost.Approver))["text"]!.GetValue<string>());

        await Task.Delay(500);
        Assert.Equal(2, slack.CallsTo(Open).Count);
        Assert.Equal(2, slack.OpenSockets);
        Assert.Contains("2 of 2", (await SocketModeReadinessAsync(bot)).Message, StringComparison.Ordinal);
    }

    private static async Task AdvanceAsync(FakeTimeProvider clock, TimeSpan total, TimeSpan? step = null)
    {
        var by = step ?? Tick;
        for (var moved = TimeSpan.Zero; moved < total; moved += by)
        {
            clock.Advance(by);
            // Real time for the client to make its call and open its socket before the clock moves on.
            await Task.Delay(20);
        }
    }

    private static async Task<SocketSession> AdvanceUntilSessionAsync(FakeTimeProvider clock, FakeSlack slack)
    {
        for (var moved = TimeSpan.Zero; moved < TimeSpan.FromMinutes(3); moved += TimeSpan.FromMilliseconds(250))
        {
            if (slack.Sessions.Reader.TryRead(out var session)) return session;
            clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(20);
        }
        return await slack.Sessions.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static async Task<(HttpStatusCode Status, bool? Healthy, string Message)> SocketModeReadinessAsync(BotHost bot)
    {
        using var response = await bot.Http.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var check = json["checks"]!.AsArray().FirstOrDefault(c => c!["name"]!.GetValue<string>() == "Slack Socket Mode");
        return (response.StatusCode, check?["healthy"]!.GetValue<bool>(), check?["message"]!.GetValue<string>() ?? "(no Slack Socket Mode check)");
    }
}
