using System.Text.Json;
using ChatOpsBot.Core.Intel;

namespace ChatOpsBot.Connectors.VirusTotal;

/// <summary><c>data.attributes.last_analysis_stats</c>: how many engines said what.</summary>
internal sealed record AnalysisStats(int Malicious, int Suspicious, int Harmless, int Undetected)
{
    public int Engines => Malicious + Suspicious + Harmless + Undetected;

    public Verdict VerdictFor(VirusTotalOptions options) =>
        Malicious >= options.MaliciousThreshold ? Verdict.Malicious
        : Malicious + Suspicious >= options.SuspiciousThreshold ? Verdict.Suspicious
        : Engines > 0 ? Verdict.Harmless
        : Verdict.Unknown;

    public string Detail => Engines == 0
        ? "VirusTotal has no analysis yet"
        : $"VirusTotal: {Malicious}/{Engines} engines malicious, {Suspicious} suspicious";

    public static AnalysisStats Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("attributes", out var attributes) || attributes.ValueKind != JsonValueKind.Object)
            throw new JsonException("The answer has no data.attributes.");
        if (!attributes.TryGetProperty("last_analysis_stats", out var stats) || stats.ValueKind != JsonValueKind.Object)
            return new AnalysisStats(0, 0, 0, 0);
        return new AnalysisStats(Count(stats, "malicious"), Count(stats, "suspicious"), Count(stats, "harmless"), Count(stats, "undetected"));
    }

    private static int Count(JsonElement stats, string name) =>
        !stats.TryGetProperty(name, out var value) ? 0
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= 0 ? n
        : throw new JsonException($"last_analysis_stats.{name} is not a count.");
}
