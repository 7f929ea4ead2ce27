namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>What a scan found and how much it read.</summary>
/// <param name="Hits">The matched connections.</param>
/// <param name="Records">Records read.</param>
/// <param name="Malformed">Records that could not be parsed.</param>
/// <param name="InWindow">Records whose timestamp lies in the window.</param>
/// <param name="MinTicks">Earliest record timestamp (UTC ticks), long.MaxValue when none.</param>
/// <param name="MaxTicks">Latest record timestamp (UTC ticks), long.MinValue when none.</param>
/// <param name="Files">Every file the scan was given, with what became of it.</param>
internal sealed record ScanOutcome(HitAccumulator Hits, long Records, long Malformed, long InWindow, long MinTicks, long MaxTicks, IReadOnlyList<ScannedFile> Files)
{
    /// <summary>Files read to their end (empty ones included).</summary>
    public int FilesRead => Files.Count(f => f.Problem is null);
}
