namespace ChatOpsBot.Slack.Tests.TestSupport;

/// <summary>A post or update Slack accepted, with the outbox message (run and sequence) it delivered.</summary>
public sealed record AcceptedCall(string Method, string RunId, long Seq, string Key);
