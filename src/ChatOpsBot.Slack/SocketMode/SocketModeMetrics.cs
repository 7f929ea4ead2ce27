using System.Diagnostics.Metrics;
using ChatOpsBot.Core.Playbook.Engine;

namespace ChatOpsBot.Slack.SocketMode;

/// <summary>
/// Socket Mode instruments on the shared ChatOpsBot meter: reconnects by the reason the previous connection ended
/// (or the previous attempt failed), and the connections in each <see cref="SocketModeState"/> now.
/// </summary>
public sealed class SocketModeMetrics : IDisposable
{
    private readonly Meter? _ownedMeter;
    private readonly Counter<long> _reconnects;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, or on a meter of its own when there is none.</summary>
    public SocketModeMetrics(SocketModeStatus status, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        var meter = meterFactory?.Create(PlaybookMetrics.MeterName) ?? (_ownedMeter = new Meter(PlaybookMetrics.MeterName));
        _reconnects = meter.CreateCounter<long>("chatopsbot.slack.socket_mode.reconnects", "{reconnect}",
            "Socket Mode connection attempts after the first, by why the previous connection ended or attempt failed.");
        meter.CreateObservableGauge("chatopsbot.slack.socket_mode.connections", () => Observe(status), "{connection}",
            "Socket Mode connections by state (connecting, connected, waiting, token_refused).");
    }

    /// <summary>A new attempt follows one that ended for <paramref name="reason"/>.</summary>
    public void Reconnecting(string reason) => _reconnects.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <inheritdoc />
    public void Dispose() => _ownedMeter?.Dispose();

    private static IEnumerable<Measurement<int>> Observe(SocketModeStatus status) =>
        status.Running
            ? status.Counts().Select(c => new Measurement<int>(c.Value, new KeyValuePair<string, object?>("state", Tag(c.Key))))
            : [];

    private static string Tag(SocketModeState state) => state switch
    {
        SocketModeState.Connecting => "connecting",
        SocketModeState.Connected => "connected",
        SocketModeState.Waiting => "waiting",
        SocketModeState.TokenRefused => "token_refused",
        _ => state.ToString(),
    };
}
