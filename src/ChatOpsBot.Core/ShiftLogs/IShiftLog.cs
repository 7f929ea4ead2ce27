namespace ChatOpsBot.Core.ShiftLogs;

/// <summary>Port: the SOC shift log.</summary>
public interface IShiftLog
{
    /// <summary>Appends an entry. Idempotent per <see cref="ShiftLogEntry.RunId"/>: a resumed run never writes twice.</summary>
    Task AppendAsync(ShiftLogEntry entry, CancellationToken cancellationToken);
}
