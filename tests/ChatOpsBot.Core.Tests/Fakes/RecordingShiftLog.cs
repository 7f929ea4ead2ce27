using ChatOpsBot.Core.ShiftLogs;

namespace ChatOpsBot.Core.Tests.Fakes;

/// <summary>A shift log that keeps its entries.</summary>
public sealed class RecordingShiftLog : IShiftLog
{
    public List<ShiftLogEntry> Entries { get; } = [];

    public Task AppendAsync(ShiftLogEntry entry, CancellationToken cancellationToken)
    {
        Entries.Add(entry);
        return Task.CompletedTask;
    }
}
