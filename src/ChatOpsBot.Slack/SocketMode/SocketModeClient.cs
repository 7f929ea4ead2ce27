using System.Net.WebSockets;
using System.Text.Json;
using ChatOpsBot.Slack.Inbound;
using ChatOpsBot.Slack.WebApi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.SocketMode;

/// <summary>
/// Socket Mode: <c>apps.connections.open</c> with the app token, then a WebSocket on which Slack sends <c>hello</c>,
/// envelopes and <c>disconnect</c> (<see cref="SocketModeSession"/>). Keeps <see cref="SocketModeConnectionOptions.MaxConnections"/>
/// connections, each opening its next socket only after the last one is closed. A connection that was healthy (it
/// delivered an envelope or stayed up <see cref="SocketModeConnectionOptions.HealthyAfter"/>) is replaced at once, and
/// so is the first short-lived one after it; further short-lived connections and failed attempts back off
/// (<see cref="SocketModeBackoff"/>), so a Slack that closes every socket after <c>hello</c> sees a few attempts a
/// minute, not a storm. A refused app token is an error: logged once per back-off step and reported by readiness.
/// </summary>
public sealed class SocketModeClient(
    SlackWebApiClient slack,
    ISlackWebSocketFactory sockets,
    SlackInbound inbound,
    IOptions<SlackOptions> options,
    SocketModeStatus status,
    SocketModeMetrics metrics,
    TimeProvider clock,
    ILogger<SocketModeClient> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.SocketModeConnection;
        status.Start(settings.MaxConnections, settings.MaxBackoff);
        return Task.WhenAll(Enumerable.Range(0, settings.MaxConnections).Select(slot => KeepConnectedAsync(slot, settings, stoppingToken)));
    }

    private async Task KeepConnectedAsync(int slot, SocketModeConnectionOptions settings, CancellationToken stoppingToken)
    {
        var backoff = new SocketModeBackoff(settings.InitialBackoff, settings.MaxBackoff, Random.Shared.NextDouble);
        string? previous = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (previous is not null) metrics.Reconnecting(previous);
                var (reason, wait) = await ConnectOnceAsync(slot, settings, backoff, stoppingToken).ConfigureAwait(false);
                previous = reason;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One attempt and, when it connects, the whole connection; returns why it ended and how long to wait.</summary>
    private async Task<(string Reason, TimeSpan Wait)> ConnectOnceAsync(int slot, SocketModeConnectionOptions settings, SocketModeBackoff backoff, CancellationToken stoppingToken)
    {
        status.Connecting(slot);
        Uri url;
        try
        {
            url = await slack.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (SlackApiException e) when (SocketModeReasons.IsTokenRefusal(e.Error))
        {
            var step = Fail(slot, backoff, e.Error, e.Error, promptRetry: false, tokenRefused: true);
            if (step.Report)
                logger.LogError("Slack refused the Socket Mode app token ({Error}): check Slack:AppToken (an app-level xapp- token with connections:write); next attempt in {Seconds:0.#} s",
                    e.Error, step.Delay.TotalSeconds);
            return (e.Error, step.Delay);
        }
        catch (Exception e) when (IsTransient(e) && !stoppingToken.IsCancellationRequested)
        {
            var error = e is SlackApiException api ? api.Error : e.GetType().Name;
            var step = Fail(slot, backoff, SocketModeReasons.OpenFailed, $"apps.connections.open failed: {error}", promptRetry: false, tokenRefused: false);
            if (step.Report)
                logger.LogWarning("Slack Socket Mode: apps.connections.open failed ({Error}); next attempt in {Seconds:0.#} s", error, step.Delay.TotalSeconds);
            return (SocketModeReasons.OpenFailed, step.Delay);
        }
        status.TokenAccepted();

        WebSocket socket;
        try
        {
            socket = await sockets.ConnectAsync(url, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTransient(e) && !stoppingToken.IsCancellationRequested)
        {
            var step = Fail(slot, backoff, SocketModeReasons.ConnectFailed, $"WebSocket failed: {e.GetType().Name}", promptRetry: false, tokenRefused: false);
            if (step.Report)
                logger.LogWarning("Slack Socket Mode: the WebSocket did not open ({Error}); next attempt in {Seconds:0.#} s", e.GetType().Name, step.Delay.TotalSeconds);
            return (SocketModeReasons.ConnectFailed, step.Delay);
        }

        SessionEnd end;
        var opened = clock.GetTimestamp();
        using (socket)
        {
            end = await new SocketModeSession(socket, inbound, logger).RunAsync(() =>
            {
                status.Connected(slot);
                logger.LogInformation("Slack Socket Mode connected");
            }, stoppingToken).ConfigureAwait(false);
        }

        if (end.Envelopes > 0 || clock.GetElapsedTime(opened) >= settings.HealthyAfter)
        {
            backoff.Reset();
            status.Healthy(slot);
            logger.LogInformation("Slack Socket Mode connection ended ({Reason}); reconnecting", end.Reason);
            return (end.Reason, TimeSpan.Zero);
        }
        // Slack saying there are too many sockets is never answered with another one at once.
        var ended = Fail(slot, backoff, end.Reason, end.Reason, promptRetry: end.Reason != SocketModeReasons.TooManyWebsockets, tokenRefused: false);
        if (ended.Delay == TimeSpan.Zero)
            logger.LogInformation("Slack Socket Mode connection ended ({Reason}); reconnecting", end.Reason);
        else if (ended.Report)
            logger.LogWarning("Slack Socket Mode connections keep ending soon after they open ({Reason}); next attempt in {Seconds:0.#} s",
                end.Reason, ended.Delay.TotalSeconds);
        return (end.Reason, ended.Delay);
    }

    private BackoffStep Fail(int slot, SocketModeBackoff backoff, string problem, string shown, bool promptRetry, bool tokenRefused)
    {
        var step = backoff.Fail(problem, promptRetry);
        status.Waiting(slot, shown, step.Delay, backoff.AtMaximum, tokenRefused);
        return step;
    }

    private static bool IsTransient(Exception e) =>
        e is WebSocketException or SlackApiException or HttpRequestException or IOException or JsonException or OperationCanceledException;
}
