namespace ChatOpsBot.Core.Intel;

/// <summary>Intel about one IP.</summary>
/// <param name="Verdict">Overall verdict.</param>
/// <param name="Pulses">Threat reports that list the IP; the Pivot section reads their indicators.</param>
/// <param name="Source">Which intel source answered (e.g. "offline OTX export", "OTX", "VirusTotal").</param>
public sealed record IpIntel(Verdict Verdict, IReadOnlyList<PulseRef> Pulses, string Source);
