namespace ChatOpsBot.Connectors.Tests.TestSupport;

/// <summary>
/// Resilience settings that fail fast: tiny back-off, few retries. The attempt timeout stays generous (a loaded CI
/// machine must not turn a 503 into a timeout); tests of timeouts pass their own short one.
/// </summary>
public static class FastHttp
{
    public static (string Key, string? Value)[] For(string section, string attemptTimeout = "00:00:03") =>
    [
        ($"{section}:Http:AttemptTimeout", attemptTimeout),
        ($"{section}:Http:TotalTimeout", "00:00:15"),
        ($"{section}:Http:MaxRetryAttempts", "2"),
        ($"{section}:Http:RetryDelay", "00:00:00.010"),
    ];

    /// <summary>The settings with later keys overriding earlier ones.</summary>
    public static (string Key, string? Value)[] Merge((string Key, string? Value)[] settings) =>
        settings.Reverse().DistinctBy(s => s.Key, StringComparer.OrdinalIgnoreCase).Reverse().ToArray();
}
