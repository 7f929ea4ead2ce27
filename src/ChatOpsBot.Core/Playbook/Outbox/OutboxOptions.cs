namespace ChatOpsBot.Core.Playbook.Outbox;

/// <summary>Delivery of the runs' chat messages (configuration section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Outbox";

    /// <summary>Wait after a message's first failed delivery; doubled after each further failure. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between two attempts (a platform's longer Retry-After is still honoured). Default 1 min.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Age of a message's first failed attempt after which automatic retries stop and the run shows "delivery failing"
    /// (metric and readiness detail) until an analyst resumes it. Default 1 h.
    /// </summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a replica's claim on a message lasts while it posts; a replica that dies mid-post leaves the message to
    /// another after it, which first looks the message up on the platform. Default 2 min (longer than a post with its
    /// own rate-limit waits can take).
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often each replica looks for undelivered messages whose retry is due. Default 2 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
