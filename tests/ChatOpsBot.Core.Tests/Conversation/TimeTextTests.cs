using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Core.Tests.Dialog;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("24h", 24 * 60)]
    [InlineData("3d", 3 * 24 * 60)]
    [InlineData("90m", 90)]
    [InlineData("1h30m", 90)]
    [InlineData("1w", 7 * 24 * 60)]
    [InlineData("1.00:00:00", 24 * 60)]
    [InlineData("02:30:00", 150)]
    public void TryParse_accepted_forms_give_the_duration(string text, int minutes)
    {
        Assert.True(DurationText.TryParse(text, out var value, out var error));
        Assert.Null(error);
        Assert.Equal(TimeSpan.FromMinutes(minutes), value);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData("-3h")]
    [InlineData("0h")]
    [InlineData("3x")]
    public void TryParse_other_text_is_refused_with_a_reason(string text)
    {
        Assert.False(DurationText.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
