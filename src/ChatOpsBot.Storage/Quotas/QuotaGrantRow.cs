namespace ChatOpsBot.Storage.Quotas;

/// <summary>Table <c>quota_grants</c>: one request slot taken from a provider's quota, by any replica.</summary>
public sealed class QuotaGrantRow
{
    public long Id { get; set; }
    public string Provider { get; set; } = "";
    public DateTimeOffset GrantedAt { get; set; }
    /// <summary>When the response came back; null while in flight (or when its replica died).</summary>
    public DateTimeOffset? CompletedAt { get; set; }
}
