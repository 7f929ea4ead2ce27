using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Core.Dialog;

/// <summary>
/// Durations as analysts type them in any channel: <c>24h</c>, <c>3d</c>, <c>90m</c>, <c>1h30m</c>, or a TimeSpan
/// (<c>1.00:00:00</c>). One parser, so <c>--since</c> and <c>/c2hunt start 24h</c> accept the same text.
/// </summary>
public static partial class DurationText
{
    /// <summary>The duration, or an error message naming the accepted forms.</summary>
    /// <param name="text">What was typed.</param>
    /// <param name="value">The duration.</param>
    /// <param name="error">Why the text was refused.</param>
    public static bool TryParse(string text, out TimeSpan value, out string? error)
    {
        error = null;
        value = default;
        var s = text.Trim();
        var match = Compound().Match(s);
        if (match.Success && s.Length > 0)
        {
            foreach (Capture c in match.Groups["part"].Captures)
            {
                var amount = double.Parse(c.Value[..^1], CultureInfo.InvariantCulture);
                value += char.ToLowerInvariant(c.Value[^1]) switch
                {
                    'w' => TimeSpan.FromDays(7 * amount),
                    'd' => TimeSpan.FromDays(amount),
                    'h' => TimeSpan.FromHours(amount),
                    'm' => TimeSpan.FromMinutes(amount),
                    _ => TimeSpan.FromSeconds(amount),
                };
            }
        }
        else if (!TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out value))
        {
            error = $"'{text}' is not a duration; use e.g. 24h, 3d, 90m, 1h30m or 1.00:00:00.";
            return false;
        }
        if (value <= TimeSpan.Zero)
        {
            error = $"'{text}' must be a positive duration.";
            return false;
        }
        return true;
    }

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?[wdhmsWDHMS])+$", RegexOptions.CultureInvariant)]
    private static partial Regex Compound();
}
