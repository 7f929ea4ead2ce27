namespace ChatOpsBot.Core.Intel;

/// <summary>
/// A provider's quota for the period (e.g. VirusTotal's daily quota) is used up: waiting in the step would hold the
/// run for hours, so the lookup fails at once and the analyst chooses to retry later or go on without it.
/// </summary>
public sealed class IntelQuotaExhaustedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider, e.g. "VirusTotal".</param>
    /// <param name="quota">The quota in words, e.g. "500 requests per day (UTC)".</param>
    /// <param name="resetsAt">When requests may go again.</param>
    public IntelQuotaExhaustedException(string provider, string quota, DateTimeOffset resetsAt)
        : base($"{provider}: the quota of {quota} is used up; lookups can go again at {resetsAt:yyyy-MM-dd HH:mm} UTC.")
    {
        Provider = provider;
        Quota = quota;
        ResetsAt = resetsAt;
    }

    /// <summary>The provider whose quota is used up.</summary>
    public string Provider { get; }

    /// <summary>The quota in words.</summary>
    public string Quota { get; }

    /// <summary>When requests may go again.</summary>
    public DateTimeOffset ResetsAt { get; }
}
