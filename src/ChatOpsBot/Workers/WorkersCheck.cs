using ChatOpsBot.Core.Health;

namespace ChatOpsBot.Workers;

/// <summary>Readiness line for this replica's background loops (<see cref="WorkerHealth"/>).</summary>
public sealed class WorkersCheck(WorkerHealth health) : IConnectorCheck
{
    public string Name => "workers";

    // A replica without a live worker acknowledges answers nobody applies: it must leave the load balancer.
    public bool GatesReadiness => true;

    public Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var (healthy, message) = health.Report();
        return Task.FromResult(new ConnectorHealth(healthy, message));
    }
}
