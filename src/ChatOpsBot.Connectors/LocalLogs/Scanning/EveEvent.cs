namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>What one matched Suricata event tells about its flow.</summary>
/// <param name="FlowId">The event's <c>flow_id</c>, or -1 when it has none (then the event counts as a connection of its own).</param>
/// <param name="IsFlow">A <c>flow</c> event (the flow's final record, with its total bytes) rather than an alert.</param>
/// <param name="Bytes">Bytes both ways as the event reports them (an alert's are the flow's so far).</param>
/// <param name="Signature">The alert's signature name; null for flow events.</param>
internal readonly record struct EveEvent(long FlowId, bool IsFlow, long Bytes, string? Signature);
