using System.Globalization;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Exports;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>
/// Hits as a table for chat and as a CSV file, shared by the Hunt and Pivot sections; both sorted by host, then remote
/// IP, numerically. Chat shows the columns an analyst acts on (host, remote IP, connections, last seen); the CSV has all.
/// </summary>
public static class HitTables
{
    private static readonly string[] Columns = ["host", "remote_ip", "first_seen", "last_seen", "connections", "bytes", "direction"];
    private static readonly string[] ChatColumns = ["host", "remote IP", "connections", "last seen"];

    /// <summary>The hits as table rows for chat.</summary>
    public static DataTable Table(IEnumerable<HitRecord> hits) => new(ChatColumns, Sorted(hits).Select(ChatRow).ToList());

    /// <summary>The hits as a CSV attachment.</summary>
    public static NotificationFile Csv(IEnumerable<HitRecord> hits, ICsvExporter exporter, string fileName) =>
        new(fileName, "text/csv", exporter.Write(Columns, Sorted(hits).Select(Row)));

    private static IEnumerable<HitRecord> Sorted(IEnumerable<HitRecord> hits) =>
        hits.OrderBy(h => h.Host, AddressOrder.Instance).ThenBy(h => h.RemoteIp, AddressOrder.Instance);

    private static IReadOnlyList<string> ChatRow(HitRecord h) =>
    [
        h.Host, h.RemoteIp, h.Connections.ToString(CultureInfo.InvariantCulture), h.LastSeen.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture),
    ];

    private static IReadOnlyList<string> Row(HitRecord h) =>
    [
        h.Host, h.RemoteIp, h.FirstSeen.ToString("u", CultureInfo.InvariantCulture), h.LastSeen.ToString("u", CultureInfo.InvariantCulture),
        h.Connections.ToString(CultureInfo.InvariantCulture), h.Bytes.ToString(CultureInfo.InvariantCulture), h.Direction.ToString(),
    ];
}
