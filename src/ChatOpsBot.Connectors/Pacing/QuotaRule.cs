using ChatOpsBot.Core.Quotas;

namespace ChatOpsBot.Connectors.Pacing;

/// <summary>
/// The pacing rule. A provider counts a request when it arrives, which is after the bot took its slot and before
/// the bot read the response; so a slot holds its place in a window from when it was taken until
/// <c>response + window + margin</c>. A request that goes when the oldest slot frees therefore arrives at least a
/// whole window after that slot's request arrived, whatever the network's latency, and retries take slots like
/// first attempts. A request still in flight counts as answering now (a lower bound: the waiter checks again).
/// </summary>
internal static class QuotaRule
{
    /// <summary>The oldest slot the rule may still need: the start of the UTC day, or the longest window back.</summary>
    public static DateTimeOffset Since(QuotaSettings quota, DateTimeOffset now)
    {
        var longest = quota.Windows.Count == 0 ? TimeSpan.Zero : quota.Windows.Max(w => w.Window);
        var earliest = now - longest;
        if (quota.PerUtcDay is not null && DayStart(now) < earliest) earliest = DayStart(now);
        return earliest - quota.Margin - quota.InFlightLease;
    }

    public static QuotaCheck Check(QuotaSettings quota, IReadOnlyList<QuotaGrant> grants, DateTimeOffset now)
    {
        if (quota.PerUtcDay is { } daily)
        {
            // A request answered after midnight may count for the new day at the provider: count it there.
            var today = DayStart(now);
            var used = grants.Count(g => Answered(quota, g, now) >= today);
            if (used >= daily) return new QuotaCheck(false, today.AddDays(1) + quota.Margin, quota.DescribeDaily(), Exhausted: true);
        }
        var check = QuotaCheck.Go;
        foreach (var window in quota.Windows)
        {
            var span = window.Window + quota.Margin;
            var frees = grants.Select(g => Answered(quota, g, now) + span).Where(free => free > now).Order().ToList();
            if (frees.Count < window.Requests) continue;
            // The slot whose freeing brings the count below the limit.
            var until = frees[frees.Count - window.Requests];
            if (!check.MayGo && check.Until >= until) continue;
            check = new QuotaCheck(false, until, window.Describe(), Exhausted: false);
        }
        return check;
    }

    /// <summary>When the provider had surely counted the slot's request: its response, now if in flight, or the lease's end.</summary>
    private static DateTimeOffset Answered(QuotaSettings quota, QuotaGrant grant, DateTimeOffset now) =>
        grant.CompletedAt ?? (grant.GrantedAt + quota.InFlightLease is var leaseEnd && leaseEnd < now ? leaseEnd : now);

    private static DateTimeOffset DayStart(DateTimeOffset now) => new(now.UtcDateTime.Date, TimeSpan.Zero);
}
