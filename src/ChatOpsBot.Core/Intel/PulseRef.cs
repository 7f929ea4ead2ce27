namespace ChatOpsBot.Core.Intel;

/// <summary>An OTX-style pulse (threat report) as shown to the analyst.</summary>
/// <param name="Id">Pulse id.</param>
/// <param name="Name">Pulse name (text from outside: channels escape it).</param>
/// <param name="Tags">Tags.</param>
/// <param name="MalwareFamilies">Malware family names.</param>
public sealed record PulseRef(string Id, string Name, IReadOnlyList<string> Tags, IReadOnlyList<string> MalwareFamilies);
