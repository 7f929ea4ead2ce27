namespace ChatOpsBot.Storage.Outbox;

/// <summary>A run whose chat delivery gave up.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Channel">Its channel.</param>
/// <param name="Since">First failed attempt of the message that gave up.</param>
/// <param name="LastError">The last failure.</param>
public sealed record FailingDelivery(string RunId, string Channel, DateTimeOffset Since, string LastError);
