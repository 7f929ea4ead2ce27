using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Inbound;
using ChatOpsBot.Slack.WebApi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.SocketMode;

/// <summary>
/// Socket Mode: <c>apps.connections.open</c> with the app token, then a WebSocket on which Slack sends <c>hello</c>,
/// envelopes (<c>events_api</c>, <c>slash_commands</c>, <c>interactive</c>) and <c>disconnect</c>. Each envelope is
/// handed to <see cref="SlackInbound"/> (the same handlers as HTTP) and acknowledged with its <c>envelope_id</c>, with
/// the reply as <c>payload</c> where there is one. A <c>disconnect</c> or a dropped socket opens a new connection.
/// </summary>
public sealed class SocketModeClient(
    SlackWebApiClient slack,
    ISlackWebSocketFactory sockets,
    SlackInbound inbound,
    TimeProvider clock,
    ILogger<SocketModeClient> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Connections opened so far (for health and tests).</summary>
    public int Connections { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var url = await slack.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
                using var socket = await sockets.ConnectAsync(url, stoppingToken).ConfigureAwait(false);
                Connections++;
                failures = 0;
                await RunSessionAsync(socket, stoppingToken).ConfigureAwait(false);
                logger.LogInformation("Slack Socket Mode connection ended; reconnecting");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is WebSocketException or SlackApiException or HttpRequestException or IOException or JsonException)
            {
                failures++;
                var wait = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures - 1)));
                logger.LogWarning("Slack Socket Mode connection failed ({Error}); retrying in {Seconds} s", e.Message, wait.TotalSeconds);
                await Task.Delay(wait, clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RunSessionAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            message.SetLength(0);
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await CloseAsync(socket).ConfigureAwait(false);
                    return;
                }
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            var envelope = JsonNode.Parse(message.ToArray());
            switch (envelope?["type"]?.GetValue<string>())
            {
                case "hello":
                    logger.LogInformation("Slack Socket Mode connected");
                    break;
                case "disconnect":
                    logger.LogInformation("Slack asked to reconnect ({Reason})", envelope["reason"]?.GetValue<string>());
                    await CloseAsync(socket).ConfigureAwait(false);
                    return;
                case "events_api" or "slash_commands" or "interactive":
                    await HandleEnvelopeAsync(socket, envelope, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    private async Task HandleEnvelopeAsync(WebSocket socket, JsonNode envelope, CancellationToken cancellationToken)
    {
        var envelopeId = envelope["envelope_id"]?.GetValue<string>();
        var payload = envelope["payload"];
        if (envelopeId is null || payload is null) return;
        var reply = envelope["type"]!.GetValue<string>() switch
        {
            "slash_commands" => await inbound.CommandAsync(new SlashCommand(
                Text(payload, "text") ?? "", Text(payload, "user_id") ?? "", Text(payload, "user_name") ?? "",
                Text(payload, "channel_id"), Text(payload, "response_url"), Text(payload, "trigger_id")), cancellationToken).ConfigureAwait(false),
            "interactive" => await inbound.InteractionAsync(payload, cancellationToken).ConfigureAwait(false),
            _ => await inbound.EventAsync(payload, envelope["retry_attempt"]?.GetValue<int>(), cancellationToken).ConfigureAwait(false),
        };
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        if (reply is not null) ack["payload"] = reply;
        await socket.SendAsync(Encoding.UTF8.GetBytes(ack.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
    }

    private static string? Text(JsonNode payload, string name) => payload[name]?.GetValue<string>();

    private static async Task CloseAsync(WebSocket socket)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The other side is gone already; a new connection follows either way.
            }
        }
    }
}
