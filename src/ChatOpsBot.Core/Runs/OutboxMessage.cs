using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Core.Runs;

/// <summary>
/// A chat message saved with the state change that caused it and delivered after the save: a crash or a
/// chat outage delays it, never loses it. <see cref="Key"/> lets channels drop a repeated delivery.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Idempotency key.</summary>
    public string Key { get; set; } = "";
    /// <summary>
    /// Place in the run's outbox (1, 2, …), given when the message is first saved; delivery follows it, and the
    /// channels put it on what they post so the order can be checked.
    /// </summary>
    public long Seq { get; set; }
    /// <summary>What to do.</summary>
    public OutboxKind Kind { get; set; }
    /// <summary>For <see cref="OutboxKind.Notify"/>.</summary>
    public Notification? Notification { get; set; }
    /// <summary>For <see cref="OutboxKind.Ask"/>.</summary>
    public Prompt? Prompt { get; set; }
    /// <summary>For <see cref="OutboxKind.PromptClosed"/>.</summary>
    public PromptClosure? Closure { get; set; }
    /// <summary>Failed delivery attempts so far.</summary>
    public int Attempts { get; set; }
}
