using System.Globalization;
using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Connectors.LocalLogs;

/// <summary>
/// Zeek's log archive: a root holding one <c>YYYY-MM-DD/</c> folder per day (rotated, gzipped hourly logs) and
/// <c>current/</c> (the logs being written). Only the days near the query window are read.
/// </summary>
internal static class ZeekArchive
{
    /// <summary>
    /// Day folders are named by the sensor's local date and a connection is logged when it ends, so a day's records
    /// can start up to a day before the folder's date and its folder can be dated a day after the window: the day
    /// before and the day after the window's days are read too.
    /// </summary>
    private static readonly TimeSpan Margin = TimeSpan.FromDays(1);

    /// <param name="root">A configured log directory.</param>
    /// <param name="from">Window start.</param>
    /// <param name="to">Window end (exclusive).</param>
    /// <returns>The subfolders to read, and one coverage entry summing up the day folders left out (null when none were).</returns>
    public static (List<DirectoryInfo> Read, CoverageFile? Skipped) Read(DirectoryInfo root, DateTimeOffset from, DateTimeOffset to)
    {
        var read = new List<DirectoryInfo>();
        var outside = new List<DateOnly>();
        foreach (var directory in root.EnumerateDirectories().OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (directory.Name == "current")
            {
                read.Add(directory);
            }
            else if (DateOnly.TryParseExact(directory.Name, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                if (start - Margin < to && start + TimeSpan.FromDays(1) + Margin > from)
                {
                    read.Add(directory);
                }
                else
                {
                    outside.Add(day);
                }
            }
        }

        if (outside.Count == 0)
        {
            return (read, null);
        }

        var range = outside.Count == 1 ? Format(outside[0]) : $"{Format(outside.Min())} to {Format(outside.Max())}";
        return (read, new CoverageFile(root.FullName, CoverageFileStatus.Ignored,
            $"{outside.Count} archive day folder{(outside.Count == 1 ? "" : "s")} outside the window not read ({range})"));
    }

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
