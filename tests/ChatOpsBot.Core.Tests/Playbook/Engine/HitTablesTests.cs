using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Tests.Playbook.Engine;

public sealed class HitTablesTests
{
    private static HitRecord Hit(string host, string ip, int connections) => new()
    {
        Host = host, RemoteIp = ip, Connections = connections, FirstSeen = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero),
        LastSeen = new DateTimeOffset(2026, 11, 27, 14, 5, 30, TimeSpan.Zero),
    };

    [Fact]
    public void Table_ShowsWhatAnAnalystNeeds_SortedByHostThenRemoteIp_Numerically()
    {
        var table = HitTables.Table([Hit("10.20.1.100", "185.220.101.47", 4), Hit("10.20.1.15", "185.220.101.5", 2), Hit("10.20.1.15", "45.9.20.1", 1), Hit("10.20.1.2", "185.220.101.47", 9)]);

        Assert.Equal(["host", "remote IP", "connections", "last seen"], table.Columns);
        Assert.Equal(
            [["10.20.1.2", "185.220.101.47", "9", "2026-11-27 14:05Z"], ["10.20.1.15", "45.9.20.1", "1", "2026-11-27 14:05Z"],
             ["10.20.1.15", "185.220.101.5", "2", "2026-11-27 14:05Z"], ["10.20.1.100", "185.220.101.47", "4", "2026-11-27 14:05Z"]],
            table.Rows.Select(r => r.ToArray()));
    }
}
