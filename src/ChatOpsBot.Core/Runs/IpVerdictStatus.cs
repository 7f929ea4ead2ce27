namespace ChatOpsBot.Core.Runs;

/// <summary>The analyst's decision on a remote IP.</summary>
public enum IpVerdictStatus
{
    /// <summary>Not decided yet.</summary>
    Pending,
    /// <summary>Confirmed tied to malware.</summary>
    Malware,
    /// <summary>Dismissed as not malicious.</summary>
    NotMalicious,
}
