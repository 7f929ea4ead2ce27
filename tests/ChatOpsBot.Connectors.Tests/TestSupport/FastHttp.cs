namespace ChatOpsBot.Connectors.Tests.TestSupport;

/// <summary>Resilience settings that fail fast: tiny back-off, one retry, a short attempt timeout.</summary>
public static class FastHttp
{
    public static (string Key, string? Value)[] For(string section, string attemptTimeout = "00:00:00.500") =>
    [
        ($"{section}:Http:AttemptTimeout", attemptTimeout),
        ($"{section}:Http:TotalTimeout", "00:00:05"),
        ($"{section}:Http:MaxRetryAttempts", "2"),
        ($"{section}:Http:RetryDelay", "00:00:00.010"),
    ];

    /// <summary>The settings with later keys overriding earlier ones.</summary>
    public static (string Key, string? Value)[] Merge((string Key, string? Value)[] settings) =>
        settings.Reverse().DistinctBy(s => s.Key, StringComparer.OrdinalIgnoreCase).Reverse().ToArray();
}
