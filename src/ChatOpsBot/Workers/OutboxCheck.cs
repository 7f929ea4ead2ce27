using System.Globalization;
using ChatOpsBot.Core.Health;
using ChatOpsBot.Storage.Outbox;

namespace ChatOpsBot.Workers;

/// <summary>
/// Readiness line naming the runs whose chat delivery gave up ("delivery failing"). It never fails readiness: a chat
/// platform's outage is no reason to take a replica out of the load balancer (it could not receive answers then).
/// </summary>
public sealed class OutboxCheck(RecoveryQueries queries) : IConnectorCheck
{
    private const int Shown = 5;

    public string Name => "outbox";

    public async Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var failing = await queries.FailingDeliveriesAsync(Shown + 1, cancellationToken).ConfigureAwait(false);
        if (failing.Count == 0) return ConnectorHealth.Pass("delivering");
        var runs = failing.Take(Shown).Select(f => string.Create(CultureInfo.InvariantCulture,
            $"{f.RunId} ({f.Channel}, failing since {f.Since:yyyy-MM-dd HH:mm:ss} UTC: {Shorten(f.LastError)})"));
        var more = failing.Count > Shown ? " and more" : "";
        return ConnectorHealth.Pass($"delivery failing for {string.Join("; ", runs)}{more}; resume the run once the channel is back");
    }

    private static string Shorten(string error) => error.Length > 120 ? error[..120] + "…" : error;
}
