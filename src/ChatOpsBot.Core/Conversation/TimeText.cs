using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Core.Conversation;

/// <summary>
/// Durations and instants as analysts type them in any channel: <c>24h</c>, <c>3d</c>, <c>90m</c>, <c>1h30m</c> (or a
/// TimeSpan, <c>1.00:00:00</c>), and <c>2026-11-28T00:00Z</c> or a date alone. One parser, so <c>--since</c>,
/// <c>/c2hunt start 24h</c> and a Teams <c>start 24h</c> accept exactly the same text.
/// </summary>
public static partial class TimeText
{
    /// <summary>The longest window a hunt may ask for: longer ones are a typo (<c>24d</c> for <c>24h</c>) more often than not.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(90);

    // A time zone is optional (no zone = UTC); seconds and fractions too. No other shapes: "3d" must never read as a date.
    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>The duration, or a one-line error naming the accepted forms.</summary>
    /// <param name="text">What was typed.</param>
    /// <param name="value">The duration: positive and at most <see cref="MaxDuration"/>.</param>
    /// <param name="error">Why the text was refused.</param>
    public static bool TryParseDuration(string text, out TimeSpan value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        value = default;
        var s = text.Trim();
        var match = Compound().Match(s);
        if (match.Success && s.Length > 0)
        {
            // Summed in hours as a double first: "99999999999d" must be "too long", not an OverflowException.
            var hours = 0.0;
            foreach (Capture c in match.Groups["part"].Captures)
            {
                var amount = double.Parse(c.Value[..^1], CultureInfo.InvariantCulture);
                hours += amount * char.ToLowerInvariant(c.Value[^1]) switch
                {
                    'w' => 7 * 24.0,
                    'd' => 24.0,
                    'h' => 1.0,
                    'm' => 1 / 60.0,
                    _ => 1 / 3600.0,
                };
            }
            if (hours > MaxDuration.TotalHours)
            {
                error = $"'{text}' is longer than the {MaxDuration.TotalDays:0} days a hunt may cover.";
                return false;
            }
            value = TimeSpan.FromSeconds(Math.Round(hours * 3600));
        }
        else if (!TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out value))
        {
            error = $"'{text}' is not a duration; use e.g. 24h, 3d, 90m or 1h30m.";
            return false;
        }
        if (value <= TimeSpan.Zero)
        {
            error = $"'{text}' must be a positive duration.";
            return false;
        }
        if (value > MaxDuration)
        {
            error = $"'{text}' is longer than the {MaxDuration.TotalDays:0} days a hunt may cover.";
            return false;
        }
        return true;
    }

    /// <summary>The instant (in UTC), or a one-line error naming the accepted forms.</summary>
    /// <param name="text">What was typed: ISO-8601 with minutes at least, or a date (midnight UTC); no zone means UTC.</param>
    /// <param name="value">The instant, in UTC.</param>
    /// <param name="error">Why the text was refused.</param>
    public static bool TryParseInstant(string text, out DateTimeOffset value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        if (DateTimeOffset.TryParseExact(text.Trim().ToUpperInvariant(), InstantFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
            return true;
        error = $"'{text}' is not a time; use ISO-8601 such as 2026-11-28T00:00Z, or a date such as 2026-11-28.";
        return false;
    }

    /// <summary>Whether <paramref name="text"/> is shaped like an instant (starts with a four-digit year and a dash).</summary>
    /// <remarks>Lets <c>start</c> tell "a since that is a time" from "a bad duration" and name the right mistake.</remarks>
    public static bool LooksLikeInstant(string text) => InstantStart().IsMatch(text ?? "");

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?[wdhmsWDHMS])+$", RegexOptions.CultureInvariant)]
    private static partial Regex Compound();

    [GeneratedRegex(@"^\d{4}-", RegexOptions.CultureInvariant)]
    private static partial Regex InstantStart();
}
