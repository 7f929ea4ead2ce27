using System.Globalization;

namespace ChatOpsBot.Connectors.Pacing;

/// <summary>One provider key's quota and how the bot paces itself within it.</summary>
/// <param name="Provider">The provider's name, which is also its key in the shared quota ledger.</param>
/// <param name="Windows">Sliding-window quotas (e.g. 4 per minute).</param>
/// <param name="PerUtcDay">Requests per UTC day (e.g. 500), or null for none.</param>
/// <param name="Margin">
/// Added to every window: a slot is free again only <c>window + margin</c> after its request's response came back
/// (the provider counted the request by then), which absorbs clock and timestamp differences at the boundary.
/// </param>
/// <param name="MaxConcurrency">Requests this process has in flight at once to the provider.</param>
/// <param name="InFlightLease">
/// How long a slot taken by a request that never reports back (its replica died) counts as in flight; after it,
/// the slot counts as if the response came back then.
/// </param>
public sealed record QuotaSettings(string Provider, IReadOnlyList<SlidingQuota> Windows, int? PerUtcDay, TimeSpan Margin, int MaxConcurrency, TimeSpan InFlightLease)
{
    /// <summary>"500 requests per UTC day".</summary>
    public string DescribeDaily() => $"{PerUtcDay?.ToString(CultureInfo.InvariantCulture)} requests per UTC day";
}
