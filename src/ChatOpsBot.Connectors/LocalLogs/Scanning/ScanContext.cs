namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>What every worker matches against: the indicators and the window [From, To) in UTC ticks.</summary>
internal sealed record ScanContext(IndicatorSet Indicators, long FromTicks, long ToTicks)
{
    public bool InWindow(long ticks) => ticks >= FromTicks && ticks < ToTicks;

    /// <summary>
    /// The smallest epoch second s whose every instant [s, s+1) lies in the window; with <see cref="LastWholeSecond"/>,
    /// lines whose integer seconds fall between the two are in the window whatever their fraction.
    /// </summary>
    public long FirstWholeSecond { get; } = CeilDiv(FromTicks - DateTime.UnixEpoch.Ticks, TimeSpan.TicksPerSecond);

    /// <summary>The largest epoch second s with s + 1 at or before the window's end.</summary>
    public long LastWholeSecond { get; } = FloorDiv(ToTicks - DateTime.UnixEpoch.Ticks, TimeSpan.TicksPerSecond) - 1;

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static long CeilDiv(long a, long b) => -FloorDiv(-a, b);
}
