using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Terminal;

/// <summary>Makes the <see cref="TerminalRunClaim"/> of one terminal session.</summary>
public sealed class TerminalRunClaims(IRunLeases leases, TimeProvider clock, ILogger<TerminalRunClaim> logger)
{
    /// <summary>A claim holding no run yet; dispose it to give its run up.</summary>
    public TerminalRunClaim Create() => new(leases, clock, logger);
}
