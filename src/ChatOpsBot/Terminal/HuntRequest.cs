namespace ChatOpsBot.Terminal;

/// <summary>What <c>hunt</c> was asked to do.</summary>
/// <param name="Feed">Feed location, or null for the configured default.</param>
/// <param name="WindowFrom">Start of the SIEM window, or null for end − default window.</param>
/// <param name="WindowTo">End of the SIEM window, or null for now.</param>
/// <param name="Auto">Answer prompts with the <c>--auto</c> stand-in analyst.</param>
/// <param name="Report">Report format to print at the end (<c>json</c>, <c>md</c>) or null.</param>
/// <param name="ResumeRunId">Resume this run instead of starting one.</param>
/// <param name="NoCache">Ask the intel sources afresh instead of using fresh verdicts from the cache (<c>--no-cache</c>).</param>
public sealed record HuntRequest(string? Feed, DateTimeOffset? WindowFrom, DateTimeOffset? WindowTo, bool Auto, string? Report, string? ResumeRunId, bool NoCache = false);
