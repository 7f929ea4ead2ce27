namespace ChatOpsBot.Core.Playbook.Outbox;

/// <summary>The answer to <see cref="IOutboxClaims.ClaimAsync"/>.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Key">The outbox message's key.</param>
/// <param name="Status">Whether the caller may deliver now.</param>
/// <param name="Token">Identifies this claim in later calls (only meaningful when acquired).</param>
/// <param name="Attempt">Attempts so far, this one included.</param>
/// <param name="FirstAttemptAt">When the message was first claimed; the give-up age counts from here.</param>
/// <param name="PreviousOutcomeUnknown">An earlier attempt may have posted without recording it: look it up first.</param>
/// <param name="PlatformId">The platform id an earlier attempt recorded, if any.</param>
public sealed record OutboxClaim(
    string RunId, string Key, OutboxClaimStatus Status, string Token, int Attempt, DateTimeOffset FirstAttemptAt,
    bool PreviousOutcomeUnknown, string? PlatformId);
