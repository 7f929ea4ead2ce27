using System.Globalization;

namespace ChatOpsBot.TestSupport;

/// <summary>
/// Command lines every chat channel is tested with, and the window each must start: Slack's <c>/c2hunt</c> and a
/// Teams message read them through the same grammar, so they must give the same run.
/// </summary>
public static class SameCommands
{
    /// <summary>Rows of: the text after the bot's name; the window's start and end (ISO, or "" for "relative to now"); its length in hours.</summary>
    public static IEnumerable<object[]> Starts() =>
    [
        ["start 24h", "", "", 24],
        ["start 3d 2026-11-28T00:00Z", "2026-11-25T00:00Z", "2026-11-28T00:00Z", 72],
        ["START   90m   2026-11-28", "2026-11-27T22:30Z", "2026-11-28T00:00Z", 1.5],
        ["start 2026-11-27T00:00Z 2026-11-28T00:00Z", "2026-11-27T00:00Z", "2026-11-28T00:00Z", 24],
    ];

    /// <summary>Rows of: a line each channel refuses, starting nothing, and a phrase its one-line reason contains.</summary>
    public static IEnumerable<object[]> Refusals() =>
    [
        ["start 0h", "must be a positive duration"],
        ["start soon", "is not a duration"],
        ["start 24h 2026-11-31", "is not a time"],
        ["start 2026-11-28T00:00Z 2026-11-27T00:00Z", "must start before it ends"],
        ["start 9999d", "90 days"],
    ];

    /// <summary>An ISO time of <see cref="Starts"/>, or null for "".</summary>
    public static DateTimeOffset? Time(string iso) =>
        iso.Length == 0 ? null : DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
