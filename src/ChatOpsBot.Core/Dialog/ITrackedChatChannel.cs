using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Dialog;

/// <summary>
/// A channel that posts each outbox message once across replicas: it records the platform's id of what it posted in
/// the delivery's claim, and before posting again after an attempt with an unknown outcome it looks the message up on
/// the platform. Channels without it (the terminal) are delivered through <see cref="IChatChannel"/> as before.
/// </summary>
public interface ITrackedChatChannel : IChatChannel
{
    /// <summary>Delivers <paramref name="message"/> under the claim <paramref name="delivery"/>.</summary>
    Task DeliverAsync(OutboxMessage message, ChatDelivery delivery, CancellationToken cancellationToken);
}
