namespace ChatOpsBot.Core.Playbook.Outbox;

/// <summary>What an attempt to claim an outbox message for delivery found.</summary>
public enum OutboxClaimStatus
{
    /// <summary>This caller holds the claim and delivers the message now.</summary>
    Acquired,
    /// <summary>Already delivered (by any replica): drop it from the outbox.</summary>
    Delivered,
    /// <summary>Another replica holds an unexpired claim: it is delivering the message; do not post it.</summary>
    HeldElsewhere,
    /// <summary>An earlier attempt failed and the back-off has not run out yet.</summary>
    NotDue,
    /// <summary>Delivery failed for longer than <c>Outbox:GiveUpAfter</c>; the run shows "delivery failing" until a resume.</summary>
    GaveUp,
}
