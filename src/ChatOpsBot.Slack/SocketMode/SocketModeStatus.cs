using ChatOpsBot.Core.Health;

namespace ChatOpsBot.Slack.SocketMode;

/// <summary>
/// What the Socket Mode connections are doing now, written by <see cref="SocketModeClient"/> and read by readiness,
/// <c>check</c> and the metrics. Thread-safe; holds Slack error codes and disconnect reasons only, never a token.
/// </summary>
public sealed class SocketModeStatus(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private Slot[] _slots = [];
    private string? _refusal;
    private TimeSpan _maxBackoff;

    /// <summary>A client is running in this process (otherwise <c>check</c> probes the token itself).</summary>
    public bool Running
    {
        get { lock (_gate) return _slots.Length > 0; }
    }

    /// <summary>The client starts <paramref name="connections"/> connections.</summary>
    public void Start(int connections, TimeSpan maxBackoff)
    {
        lock (_gate)
        {
            _slots = Enumerable.Range(0, connections).Select(_ => new Slot()).ToArray();
            _maxBackoff = maxBackoff;
        }
    }

    /// <summary>Connection <paramref name="slot"/> is asking for a URL or opening its socket.</summary>
    public void Connecting(int slot) => Update(slot, s => s.State = SocketModeState.Connecting);

    /// <summary>Slack accepted the app token (a URL came back).</summary>
    public void TokenAccepted()
    {
        lock (_gate) _refusal = null;
    }

    /// <summary>Slack said <c>hello</c> on connection <paramref name="slot"/> (the back-off stays until the link proves healthy).</summary>
    public void Connected(int slot) => Update(slot, s => s.State = SocketModeState.Connected);

    /// <summary>Connection <paramref name="slot"/> proved healthy: its back-off and problem are gone.</summary>
    public void Healthy(int slot) => Update(slot, s =>
    {
        s.Problem = null;
        s.AtMaximum = false;
    });

    /// <summary>Connection <paramref name="slot"/> waits <paramref name="delay"/> after <paramref name="problem"/>.</summary>
    /// <param name="slot">The connection.</param>
    /// <param name="problem">A Slack error code or disconnect reason.</param>
    /// <param name="delay">The back-off.</param>
    /// <param name="atMaximum">The back-off has reached its maximum.</param>
    /// <param name="tokenRefused">The problem is Slack refusing the app token.</param>
    public void Waiting(int slot, string problem, TimeSpan delay, bool atMaximum, bool tokenRefused)
    {
        lock (_gate)
        {
            if (tokenRefused) _refusal = problem;
            if (slot >= _slots.Length) return;
            var s = _slots[slot];
            s.State = tokenRefused ? SocketModeState.TokenRefused : SocketModeState.Waiting;
            s.Problem = problem;
            s.AtMaximum = atMaximum;
            s.NextAttempt = clock.GetUtcNow() + delay;
        }
    }

    /// <summary>How many connections are in each state now.</summary>
    public IReadOnlyDictionary<SocketModeState, int> Counts()
    {
        lock (_gate)
            return Enum.GetValues<SocketModeState>().ToDictionary(state => state, state => _slots.Count(s => s.State == state));
    }

    /// <summary>
    /// Readiness: failing while Slack refuses the app token, or while no connection is up and every one has backed off
    /// to the maximum; passing otherwise (connected, or still within the back-off).
    /// </summary>
    public ConnectorHealth Health()
    {
        lock (_gate)
        {
            var connected = _slots.Count(s => s.State == SocketModeState.Connected);
            if (_refusal is { } refusal)
                return ConnectorHealth.Fail($"{SocketModeReasons.TokenRefusedMessage(refusal)} {Retry()}");
            if (connected > 0) return ConnectorHealth.Pass($"connected ({connected} of {_slots.Length} connections)");
            var problem = _slots.Select(s => s.Problem).FirstOrDefault(p => p is not null);
            if (_slots.Length > 0 && _slots.All(s => s.AtMaximum))
                return ConnectorHealth.Fail($"no connection ({problem}); {Retry()}");
            return ConnectorHealth.Pass(problem is null ? "connecting" : $"reconnecting after {problem}");
        }
    }

    private string Retry()
    {
        var next = _slots.Where(s => s.State is SocketModeState.Waiting or SocketModeState.TokenRefused).Select(s => s.NextAttempt).DefaultIfEmpty().Min();
        if (next == default) return "Retrying now.";
        var seconds = Math.Max(0, (next - clock.GetUtcNow()).TotalSeconds);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Next attempt in {Math.Ceiling(seconds):0} s (at most every {_maxBackoff.TotalSeconds:0.#} s).");
    }

    private void Update(int slot, Action<Slot> change)
    {
        lock (_gate)
            if (slot < _slots.Length) change(_slots[slot]);
    }

    private sealed class Slot
    {
        public SocketModeState State { get; set; } = SocketModeState.Connecting;
        public string? Problem { get; set; }
        public bool AtMaximum { get; set; }
        public DateTimeOffset NextAttempt { get; set; }
    }
}
