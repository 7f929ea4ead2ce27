namespace ChatOpsBot.Connectors.Http;

/// <summary>
/// Resilience and TLS settings every HTTP connector carries (e.g. <c>Splunk:Http</c>, <c>Otx:Http</c>).
/// The defaults suit a SaaS API on the internet; tests shrink them so failures come fast.
/// </summary>
public sealed class ConnectorHttpOptions
{
    /// <summary>Time allowed for one attempt, until the response headers arrive. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for one call, retries and their waits included. Default 2 min.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Retries after the first attempt on 408, 429, 5xx and transport errors (0–10). Default 3. Requests that change
    /// something are retried only after 429/503 (see <see cref="ConnectorRequests.ReadOnly"/>).
    /// </summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Base of the exponential, jittered back-off; a <c>Retry-After</c> header wins over it. Default 2 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the circuit stays open after too many failures (at least 0.5 s). Default 30 s.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// PEM or DER file of a private CA that signs the server's certificate, trusted in addition to the system store.
    /// Host-name checks stay on. Default none.
    /// </summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>Problems with these settings, each naming its key under <paramref name="prefix"/>.</summary>
    public IEnumerable<string> Validate(string prefix)
    {
        if (AttemptTimeout < TimeSpan.FromMilliseconds(10) || AttemptTimeout > TimeSpan.FromHours(1))
            yield return $"{prefix}:AttemptTimeout must be between 00:00:00.010 and 01:00:00";
        if (TotalTimeout < AttemptTimeout || TotalTimeout > TimeSpan.FromHours(2))
            yield return $"{prefix}:TotalTimeout must be at least {prefix}:AttemptTimeout and at most 02:00:00";
        if (MaxRetryAttempts is < 0 or > 10)
            yield return $"{prefix}:MaxRetryAttempts must be between 0 and 10";
        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(5))
            yield return $"{prefix}:RetryDelay must be between 00:00:00 and 00:05:00";
        if (BreakDuration < TimeSpan.FromMilliseconds(500) || BreakDuration > TimeSpan.FromHours(1))
            yield return $"{prefix}:BreakDuration must be between 00:00:00.500 and 01:00:00";
        if (!string.IsNullOrWhiteSpace(CaCertificatePath) && !File.Exists(CaCertificatePath))
            yield return $"{prefix}:CaCertificatePath '{CaCertificatePath}' does not exist";
    }
}
