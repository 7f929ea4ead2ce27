namespace ChatOpsBot.Slack.Signing;

/// <summary>Outcome of checking a request's signature.</summary>
public enum SignatureCheck
{
    Valid,
    MissingHeader,
    BadTimestamp,
    StaleTimestamp,
    UnsupportedVersion,
    Mismatch,
}
