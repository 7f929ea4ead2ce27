using ChatOpsBot.Connectors.Pacing;
using ChatOpsBot.Core.Quotas;

namespace ChatOpsBot.Connectors.Tests.Pacing;

public sealed class QuotaRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly QuotaSettings PublicKey = new("VirusTotal", [new SlidingQuota(4, TimeSpan.FromMinutes(1))], PerUtcDay: 500,
        Margin: TimeSpan.FromSeconds(2), MaxConcurrency: 4, InFlightLease: TimeSpan.FromSeconds(40));

    [Fact]
    public void Check_FourAnswered_FifthWaitsAWindowAndTheMarginFromTheFirstResponse()
    {
        var grants = Enumerable.Range(1, 4).Select(i => new QuotaGrant(i, T0, T0 + TimeSpan.FromMilliseconds(300 + i))).ToList();

        var check = QuotaRule.Check(PublicKey, grants, T0 + TimeSpan.FromSeconds(1));

        Assert.False(check.MayGo);
        Assert.False(check.Exhausted);
        Assert.Equal(T0 + TimeSpan.FromMilliseconds(301) + TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(2), check.Until);
        Assert.Equal("4 requests per minute", check.Quota);
    }

    [Fact]
    public void Check_AtTheBoundary_MayGo_AndATickBefore_MayNot()
    {
        var grants = Enumerable.Range(1, 4).Select(i => new QuotaGrant(i, T0, T0 + TimeSpan.FromSeconds(i))).ToList();
        var boundary = T0 + TimeSpan.FromSeconds(1) + TimeSpan.FromSeconds(62);

        Assert.False(QuotaRule.Check(PublicKey, grants, boundary - TimeSpan.FromTicks(1)).MayGo);
        Assert.True(QuotaRule.Check(PublicKey, grants, boundary).MayGo);
    }

    [Fact]
    public void Check_SlotInFlight_HoldsItsPlaceUntilAnswered()
    {
        // Sent 5 minutes ago and still unanswered (a slow attempt within its lease): it still counts.
        var quota = PublicKey with { InFlightLease = TimeSpan.FromMinutes(10) };
        var grants = new List<QuotaGrant>
        {
            new(1, T0 - TimeSpan.FromMinutes(5), null),
            new(2, T0, T0), new(3, T0, T0), new(4, T0, T0),
        };

        var check = QuotaRule.Check(quota, grants, T0);

        Assert.False(check.MayGo);
        // A lower bound: had it been answered now, its slot would free a window (and the margin) from now.
        Assert.Equal(T0 + TimeSpan.FromSeconds(62), check.Until);
    }

    [Fact]
    public void Check_SlotOfADeadReplica_CountsAsAnsweredWhenItsLeaseEnded()
    {
        var grants = new List<QuotaGrant>
        {
            new(1, T0 - TimeSpan.FromMinutes(3), null),
            new(2, T0, T0), new(3, T0, T0), new(4, T0, T0),
        };

        // Lease 40 s: it counts as answered at T0 - 2:20, so its slot freed long ago.
        Assert.True(QuotaRule.Check(PublicKey, grants, T0).MayGo);
    }

    [Fact]
    public void Check_DailyQuotaUsed_IsExhaustedUntilTheNextUtcMidnightPlusMargin()
    {
        var quota = PublicKey with { PerUtcDay = 3 };
        var noon = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
        var grants = Enumerable.Range(1, 3).Select(i => new QuotaGrant(i, noon.AddHours(-i), noon.AddHours(-i))).ToList();

        var check = QuotaRule.Check(quota, grants, noon);

        Assert.True(check.Exhausted);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 0, 0, 2, TimeSpan.Zero), check.Until);
        Assert.Equal("3 requests per UTC day", check.Quota);
    }

    [Fact]
    public void Check_RequestAnsweredAfterMidnight_CountsForTheNewDay()
    {
        var quota = PublicKey with { PerUtcDay = 1, Windows = [] };
        var midnight = new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
        var grants = new List<QuotaGrant> { new(1, midnight.AddMilliseconds(-100), midnight.AddMilliseconds(200)) };

        Assert.True(QuotaRule.Check(quota, grants, midnight.AddSeconds(1)).Exhausted);
        Assert.True(QuotaRule.Check(quota, [new QuotaGrant(1, midnight.AddSeconds(-5), midnight.AddSeconds(-4))], midnight.AddSeconds(1)).MayGo);
    }

    [Fact]
    public void Since_KeepsTheUtcDayAndTheLongestWindow_WithMarginAndLease()
    {
        var noon = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero) - TimeSpan.FromSeconds(42), QuotaRule.Since(PublicKey, noon));
        Assert.Equal(noon - TimeSpan.FromSeconds(102), QuotaRule.Since(PublicKey with { PerUtcDay = null }, noon));
    }
}
