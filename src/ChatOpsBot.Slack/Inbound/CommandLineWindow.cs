using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Slack.Inbound;

/// <summary>Parses <c>start [since] [until]</c>: a duration such as <c>24h</c>, <c>3d</c>, <c>1h30m</c>, and an ISO-8601 end time.</summary>
public static partial class CommandLineWindow
{
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var match = Compound().Match(text);
        if (!match.Success) return false;
        foreach (Capture c in match.Groups["part"].Captures)
        {
            var amount = double.Parse(c.Value[..^1], CultureInfo.InvariantCulture);
            value += char.ToLowerInvariant(c.Value[^1]) switch
            {
                'w' => TimeSpan.FromDays(7 * amount),
                'd' => TimeSpan.FromDays(amount),
                'h' => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromMinutes(amount),
            };
        }
        return value > TimeSpan.Zero && value <= TimeSpan.FromDays(90);
    }

    public static bool TryParseTime(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    [GeneratedRegex(@"^(?<part>\d{1,4}(\.\d+)?[wdhmWDHM])+$", RegexOptions.CultureInvariant)]
    private static partial Regex Compound();
}
