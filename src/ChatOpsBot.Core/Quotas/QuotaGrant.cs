namespace ChatOpsBot.Core.Quotas;

/// <summary>One request slot taken from a provider's quota.</summary>
/// <param name="Id">The ledger's id of the slot.</param>
/// <param name="GrantedAt">When it was taken (the request went after this).</param>
/// <param name="CompletedAt">When the response came back (the provider had counted the request by then); null while in flight.</param>
public sealed record QuotaGrant(long Id, DateTimeOffset GrantedAt, DateTimeOffset? CompletedAt);
