namespace ChatOpsBot.Core.Intel;

/// <summary>What threat intel says about an indicator.</summary>
public enum Verdict
{
    /// <summary>Intel knows nothing about it.</summary>
    Unknown,
    /// <summary>Known and judged harmless (or allow-listed).</summary>
    Harmless,
    /// <summary>Some sources flag it; not conclusive.</summary>
    Suspicious,
    /// <summary>Tied to malware.</summary>
    Malicious,
}
