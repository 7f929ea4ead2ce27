namespace ChatOpsBot.Core.Intel;

/// <summary>Intel about one IP.</summary>
/// <param name="Verdict">Overall verdict.</param>
/// <param name="Pulses">Threat reports that list the IP; the Pivot section reads their indicators.</param>
/// <param name="Source">Which intel source answered (e.g. "offline OTX export", "OTX", "VirusTotal").</param>
public sealed record IpIntel(Verdict Verdict, IReadOnlyList<PulseRef> Pulses, string Source)
{
    /// <summary>Why, in the sources' own terms (e.g. "VirusTotal: 12/70 engines malicious"); empty when the source says nothing more.</summary>
    public string Detail { get; init; } = "";

    /// <summary>
    /// When the answer was fetched from the source, if it came from the verdict cache (the oldest part, when several
    /// sources answered); null for an answer fetched for this lookup.
    /// </summary>
    public DateTimeOffset? CachedAt { get; init; }
}
