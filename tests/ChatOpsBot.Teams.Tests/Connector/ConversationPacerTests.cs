using ChatOpsBot.Teams.Connector;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Teams.Tests.Connector;

public sealed class ConversationPacerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));

    private ConversationPacer Pacer() => new(Options.Create(new TeamsOptions()), _clock);

    [Fact]
    public void SevenWritesInASecond_AreAllowed_TheEighthWaits()
    {
        var pacer = Pacer();
        for (var i = 0; i < 7; i++) Assert.Equal(TimeSpan.Zero, pacer.TryTake("c"));

        Assert.True(pacer.TryTake("c") > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, pacer.TryTake("other")); // limits are per conversation

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, pacer.TryTake("c"));
    }

    [Fact]
    public void SixtyWritesIn30Seconds_AreAllowed_TheNextWaitsForTheWindow()
    {
        var pacer = Pacer();
        for (var i = 0; i < 60; i++)
        {
            Assert.Equal(TimeSpan.Zero, pacer.TryTake("c"));
            _clock.Advance(TimeSpan.FromMilliseconds(200));
        }

        var wait = pacer.TryTake("c");
        Assert.True(wait > TimeSpan.Zero);

        _clock.Advance(wait);
        Assert.Equal(TimeSpan.Zero, pacer.TryTake("c"));
    }

    [Fact]
    public async Task WaitTurn_CompletesOnceTimeMovesOn()
    {
        var pacer = Pacer();
        for (var i = 0; i < 7; i++) await pacer.WaitTurnAsync("c", default);

        var eighth = pacer.WaitTurnAsync("c", default);
        Assert.False(eighth.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await eighth;
    }
}
