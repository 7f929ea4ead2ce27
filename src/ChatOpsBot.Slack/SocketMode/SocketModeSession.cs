using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Inbound;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.SocketMode;

/// <summary>How one connection ended: <paramref name="Reason"/> (see <see cref="SocketModeReasons"/>) and the envelopes it delivered.</summary>
internal sealed record SessionEnd(string Reason, int Envelopes);

/// <summary>
/// One Socket Mode WebSocket: reads <c>hello</c>, envelopes and <c>disconnect</c> until the socket ends, hands each
/// envelope to <see cref="SlackInbound"/> and acknowledges it with its <c>envelope_id</c> (and the reply as
/// <c>payload</c> where there is one). A dropped socket is an ending like any other, not an exception.
/// </summary>
internal sealed class SocketModeSession(WebSocket socket, SlackInbound inbound, ILogger logger)
{
    private int _envelopes;

    public async Task<SessionEnd> RunAsync(Action hello, CancellationToken cancellationToken)
    {
        try
        {
            return await ReceiveAsync(hello, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return new SessionEnd(SocketModeReasons.Dropped, _envelopes);
        }
    }

    private async Task<SessionEnd> ReceiveAsync(Action hello, CancellationToken cancellationToken)
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
                    await CloseAsync().ConfigureAwait(false);
                    return new SessionEnd(SocketModeReasons.Closed, _envelopes);
                }
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            JsonNode? envelope;
            try
            {
                envelope = JsonNode.Parse(message.ToArray());
            }
            catch (JsonException)
            {
                logger.LogWarning("Slack Socket Mode sent a message that is not JSON; reconnecting");
                await CloseAsync().ConfigureAwait(false);
                return new SessionEnd(SocketModeReasons.InvalidMessage, _envelopes);
            }
            switch (Text(envelope, "type"))
            {
                case "hello":
                    hello();
                    break;
                case "disconnect":
                    await CloseAsync().ConfigureAwait(false);
                    return new SessionEnd(SocketModeReasons.Disconnect(Text(envelope, "reason")), _envelopes);
                case "events_api" or "slash_commands" or "interactive":
                    await HandleEnvelopeAsync(envelope!, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        return new SessionEnd(SocketModeReasons.Closed, _envelopes);
    }

    private async Task HandleEnvelopeAsync(JsonNode envelope, CancellationToken cancellationToken)
    {
        var envelopeId = Text(envelope, "envelope_id");
        var payload = envelope["payload"];
        if (envelopeId is null || payload is null) return;
        // Counted on arrival: Slack delivering work is what makes the link healthy, whatever the handler makes of it.
        _envelopes++;
        var reply = Text(envelope, "type") switch
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

    private static string? Text(JsonNode? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private async Task CloseAsync()
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
