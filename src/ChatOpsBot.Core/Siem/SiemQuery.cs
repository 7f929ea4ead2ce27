using System.Net;

namespace ChatOpsBot.Core.Siem;

/// <summary>A query for traffic to or from any of <paramref name="Indicators"/> within [<paramref name="From"/>, <paramref name="To"/>).</summary>
/// <param name="Indicators">Addresses (full-prefix networks) and CIDR ranges to look for.</param>
/// <param name="From">Inclusive start of the time window.</param>
/// <param name="To">Exclusive end of the time window.</param>
/// <param name="Purpose">Why the query runs (the daily hunt or a pivot), for the SIEM's audit trail.</param>
public sealed record SiemQuery(IReadOnlyCollection<IPNetwork> Indicators, DateTimeOffset From, DateTimeOffset To, QueryPurpose Purpose);
