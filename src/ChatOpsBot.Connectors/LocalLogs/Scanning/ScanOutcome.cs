namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>What a scan found and how much it read.</summary>
internal sealed record ScanOutcome(HitAccumulator Hits, long Records, long Malformed, int Files);
