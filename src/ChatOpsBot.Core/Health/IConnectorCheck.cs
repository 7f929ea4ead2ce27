namespace ChatOpsBot.Core.Health;

/// <summary>
/// Port: a probe of one configured connector (reachable, authorised), run by the <c>check</c> command and the
/// readiness endpoint. Implementations never throw for a failing system and never put secrets in the message.
/// </summary>
public interface IConnectorCheck
{
    /// <summary>Short name shown to the operator, e.g. <c>mail (IMAP)</c>.</summary>
    string Name { get; }

    /// <summary>
    /// True for a check without which the replica cannot do its job at all (a chat connection refused): its failure
    /// makes readiness fail rather than merely degrade. Such a check is run on every probe, so it must be cheap
    /// (read state, call nothing). Default false.
    /// </summary>
    bool GatesReadiness => false;

    /// <summary>Probes the system once.</summary>
    Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken);
}
