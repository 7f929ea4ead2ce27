using System.Globalization;

namespace ChatOpsBot.Core.Dialog;

/// <summary>A length of time as an analyst reads it in a prompt: "45 s", "12 min", "3 h 5 min", "2 d 4 h".</summary>
public static class ElapsedText
{
    /// <summary>The time in the largest two units that matter; under a second reads "1 s" (a wait is never "0 s").</summary>
    public static string Format(TimeSpan time)
    {
        if (time < TimeSpan.Zero) time = TimeSpan.Zero;
        return time switch
        {
            _ when time >= TimeSpan.FromDays(1) => Two((int)time.TotalDays, "d", time.Hours, "h"),
            _ when time >= TimeSpan.FromHours(1) => Two((int)time.TotalHours, "h", time.Minutes, "min"),
            _ when time >= TimeSpan.FromMinutes(1) => $"{((int)time.TotalMinutes).ToString(CultureInfo.InvariantCulture)} min",
            _ => $"{Math.Max(1, (int)Math.Ceiling(time.TotalSeconds)).ToString(CultureInfo.InvariantCulture)} s",
        };
    }

    private static string Two(int big, string bigUnit, int small, string smallUnit) =>
        small == 0
            ? $"{big.ToString(CultureInfo.InvariantCulture)} {bigUnit}"
            : $"{big.ToString(CultureInfo.InvariantCulture)} {bigUnit} {small.ToString(CultureInfo.InvariantCulture)} {smallUnit}";
}
