namespace ChatOpsBot.Core.Siem;

/// <summary>Port: the SIEM that finds traffic between our hosts and a set of indicators.</summary>
public interface ISiem
{
    /// <summary>Runs the query and returns one aggregated hit per (internal host, remote IP) pair.</summary>
    Task<SiemResult> QueryAsync(SiemQuery query, CancellationToken cancellationToken);
}
