namespace ChatOpsBot.Connectors.Pacing;

/// <summary>What the quota says about one more request now.</summary>
/// <param name="MayGo">True when a request may go now.</param>
/// <param name="Until">When not: the earliest time one may go (a lower bound while slots are in flight).</param>
/// <param name="Quota">When not: the quota that holds it back, in words.</param>
/// <param name="Exhausted">True when the daily quota is used up (<see cref="Until"/> is then the next UTC midnight).</param>
internal readonly record struct QuotaCheck(bool MayGo, DateTimeOffset Until, string Quota, bool Exhausted)
{
    public static QuotaCheck Go { get; } = new(true, default, "", false);
}
