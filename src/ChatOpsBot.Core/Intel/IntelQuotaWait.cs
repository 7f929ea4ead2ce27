namespace ChatOpsBot.Core.Intel;

/// <summary>A lookup waits for a provider's request quota.</summary>
/// <param name="Provider">The provider, e.g. "VirusTotal".</param>
/// <param name="Until">When the next request may go, as far as the provider's pacer knows now.</param>
/// <param name="Quota">The quota that holds it back, in words, e.g. "4 requests per minute".</param>
public sealed record IntelQuotaWait(string Provider, DateTimeOffset Until, string Quota);
