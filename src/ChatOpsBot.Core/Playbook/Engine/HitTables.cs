using System.Globalization;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Exports;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>Hits as a table for chat and as a CSV file, shared by the Hunt and Pivot sections.</summary>
public static class HitTables
{
    private static readonly string[] Columns = ["host", "remote_ip", "first_seen", "last_seen", "connections", "bytes", "direction"];

    /// <summary>The hits as table rows.</summary>
    public static DataTable Table(IEnumerable<HitRecord> hits) => new(Columns, hits.Select(Row).ToList());

    /// <summary>The hits as a CSV attachment.</summary>
    public static NotificationFile Csv(IEnumerable<HitRecord> hits, ICsvExporter exporter, string fileName) =>
        new(fileName, "text/csv", exporter.Write(Columns, hits.Select(Row)));

    private static IReadOnlyList<string> Row(HitRecord h) =>
    [
        h.Host, h.RemoteIp, h.FirstSeen.ToString("u", CultureInfo.InvariantCulture), h.LastSeen.ToString("u", CultureInfo.InvariantCulture),
        h.Connections.ToString(CultureInfo.InvariantCulture), h.Bytes.ToString(CultureInfo.InvariantCulture), h.Direction.ToString(),
    ];
}
