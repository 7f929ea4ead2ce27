namespace ChatOpsBot.Core.Intel;

/// <summary>What an intel lookup is about; with the provider and the indicator it keys the verdict cache.</summary>
public enum IndicatorKind
{
    /// <summary>An IP's verdict and pulses.</summary>
    Ip,
    /// <summary>A file hash's verdict.</summary>
    FileHash,
    /// <summary>A URL's verdict.</summary>
    Url,
    /// <summary>A pulse's IPv4 indicators (the indicator is the pulse id).</summary>
    PulseIndicators,
}
