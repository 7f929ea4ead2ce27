using ChatOpsBot.Core.Conversation;

namespace ChatOpsBot.Core.Tests.Conversation;

public sealed class TimeTextTests
{
    [Theory]
    [InlineData("24h", 24 * 60)]
    [InlineData("3d", 3 * 24 * 60)]
    [InlineData("90m", 90)]
    [InlineData("1h30m", 90)]
    [InlineData("1w", 7 * 24 * 60)]
    [InlineData("24H", 24 * 60)]
    [InlineData(" 24h ", 24 * 60)]
    [InlineData("90d", 90 * 24 * 60)]
    [InlineData("1.00:00:00", 24 * 60)]
    [InlineData("02:30:00", 150)]
    public void TryParseDuration_accepted_forms_give_the_duration(string text, int minutes)
    {
        Assert.True(TimeText.TryParseDuration(text, out var value, out var error));
        Assert.Null(error);
        Assert.Equal(TimeSpan.FromMinutes(minutes), value);
    }

    [Theory]
    [InlineData("yesterday", "not a duration")]
    [InlineData("", "not a duration")]
    [InlineData("-3h", "not a duration")]
    [InlineData("0h", "positive")]
    [InlineData("00:00:00", "positive")]
    [InlineData("3x", "not a duration")]
    [InlineData("91d", "90 days")]
    [InlineData("13w", "90 days")]
    [InlineData("99999999999999d", "90 days")]
    [InlineData("100.00:00:00", "90 days")]
    public void TryParseDuration_other_text_is_refused_with_a_reason(string text, string reason)
    {
        Assert.False(TimeText.TryParseDuration(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error!);
    }

    [Theory]
    [InlineData("2026-11-28T00:00Z", "2026-11-28T00:00:00+00:00")]
    [InlineData("2026-11-28T00:00:00Z", "2026-11-28T00:00:00+00:00")]
    [InlineData("2026-11-28t00:00z", "2026-11-28T00:00:00+00:00")]
    [InlineData("2026-11-28T01:30+01:00", "2026-11-28T00:30:00+00:00")]
    [InlineData("2026-11-28T00:00", "2026-11-28T00:00:00+00:00")]
    [InlineData("2026-11-28", "2026-11-28T00:00:00+00:00")]
    [InlineData("2026-11-28T00:00:00.5Z", "2026-11-28T00:00:00.5+00:00")]
    public void TryParseInstant_iso_times_and_dates_are_utc(string text, string expected)
    {
        Assert.True(TimeText.TryParseInstant(text, out var value, out var error));
        Assert.Null(error);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData("24h")]
    [InlineData("3d")]
    [InlineData("28/11/2026")]
    [InlineData("Nov 28 2026")]
    [InlineData("2026-13-01")]
    [InlineData("1")]
    public void TryParseInstant_other_shapes_are_refused(string text)
    {
        Assert.False(TimeText.TryParseInstant(text, out _, out var error));
        Assert.Contains("is not a time", error, StringComparison.Ordinal);
    }
}
