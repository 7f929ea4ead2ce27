namespace ChatOpsBot.Storage.Outbox;

/// <summary>Values of <see cref="OutboxClaimRow.State"/>.</summary>
internal static class OutboxClaimStates
{
    /// <summary>A replica holds the claim (until its lease runs out) and is posting.</summary>
    public const string Delivering = "Delivering";
    /// <summary>The last attempt failed; the next is due at NextAttemptAt.</summary>
    public const string Failed = "Failed";
    /// <summary>Posted and recorded: no replica posts it again.</summary>
    public const string Delivered = "Delivered";
}
