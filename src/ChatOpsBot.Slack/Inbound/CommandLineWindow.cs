using System.Globalization;
using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Slack.Inbound;

/// <summary>Parses <c>start [since] [until]</c>: a duration such as <c>24h</c>, <c>3d</c>, <c>1h30m</c>, and an ISO-8601 end time.</summary>
public static class CommandLineWindow
{
    public static bool TryParseDuration(string text, out TimeSpan value) =>
        DurationText.TryParse(text, out value, out _) && value <= TimeSpan.FromDays(90);

    public static bool TryParseTime(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
