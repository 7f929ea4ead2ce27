namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>What every worker matches against: the indicators and the window [From, To) in UTC ticks.</summary>
internal sealed record ScanContext(IndicatorSet Indicators, long FromTicks, long ToTicks)
{
    public bool InWindow(long ticks) => ticks >= FromTicks && ticks < ToTicks;
}
