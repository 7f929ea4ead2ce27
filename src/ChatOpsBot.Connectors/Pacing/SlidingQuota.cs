using System.Globalization;

namespace ChatOpsBot.Connectors.Pacing;

/// <summary>At most <paramref name="Requests"/> requests within any <paramref name="Window"/>, as the provider counts them.</summary>
public sealed record SlidingQuota(int Requests, TimeSpan Window)
{
    /// <summary>"4 requests per minute", "10 requests per second".</summary>
    public string Describe() => Window switch
    {
        _ when Window == TimeSpan.FromSeconds(1) => $"{Requests.ToString(CultureInfo.InvariantCulture)} requests per second",
        _ when Window == TimeSpan.FromMinutes(1) => $"{Requests.ToString(CultureInfo.InvariantCulture)} requests per minute",
        _ => $"{Requests.ToString(CultureInfo.InvariantCulture)} requests per {Window.ToString("c", CultureInfo.InvariantCulture)}",
    };
}
