using System.Globalization;
using System.Net;
using System.Text.Json;
using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Connectors.Splunk;

/// <summary>Folds result rows into one hit per (our host, indicator), reading fields by their configured names.</summary>
internal sealed class SplunkHitAccumulator(SplunkFieldOptions fields, IndicatorMatcher indicators, DateTimeOffset from, DateTimeOffset to)
{
    private readonly Dictionary<(string Host, string Remote), Hit> _hits = [];

    /// <summary>Rows that named no indicator or had no usable address (e.g. a stale lookup entry).</summary>
    public int Skipped { get; private set; }

    public void Add(JsonElement row)
    {
        if (row.ValueKind != JsonValueKind.Object
            || !IPAddress.TryParse(Text(row, fields.Host), out var host)
            || !IPAddress.TryParse(Text(row, fields.RemoteIp), out var remote))
        {
            Skipped++;
            return;
        }

        HitDirection direction;
        if (indicators.Contains(remote)) direction = HitDirection.Outbound;
        else if (indicators.Contains(host))
        {
            (host, remote) = (remote, host);
            direction = HitDirection.Inbound;
        }
        else
        {
            Skipped++;
            return;
        }

        var key = (Canonical(host), Canonical(remote));
        var first = Time(row, fields.FirstSeen) ?? from;
        var last = Time(row, fields.LastSeen) ?? to;
        var count = Number(row, fields.Count) ?? 1;
        var bytes = Number(row, fields.Bytes) ?? 0;
        if (_hits.TryGetValue(key, out var hit))
        {
            hit.First = first < hit.First ? first : hit.First;
            hit.Last = last > hit.Last ? last : hit.Last;
            hit.Connections += count;
            hit.Bytes += bytes;
            if (hit.Direction != direction) hit.Direction = HitDirection.Both;
        }
        else
        {
            _hits[key] = new Hit { First = first, Last = last, Connections = count, Bytes = bytes, Direction = direction };
        }
    }

    public IReadOnlyList<C2Hit> ToHits() =>
        _hits.OrderBy(h => h.Key.Host, StringComparer.Ordinal).ThenBy(h => h.Key.Remote, StringComparer.Ordinal)
            .Select(h => new C2Hit(h.Key.Host, h.Key.Remote, h.Value.First, h.Value.Last, h.Value.Connections, h.Value.Bytes, h.Value.Direction))
            .ToList();

    private static string Canonical(IPAddress address) => (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    /// <summary>Splunk sends field values as strings, a multivalue field as an array (its first value counts).</summary>
    private static string? Text(JsonElement row, string field)
    {
        if (!row.TryGetProperty(field, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Array) value = value.EnumerateArray().FirstOrDefault();
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static long? Number(JsonElement row, string field) =>
        double.TryParse(Text(row, field), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0 ? (long)n : null;

    private static readonly decimal MaxEpochSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private static DateTimeOffset? Time(JsonElement row, string field)
    {
        var text = Text(row, field);
        if (text is null) return null;
        // Splunk's _time keeps microseconds (e.g. 1795737636.006028): decimal and ticks keep them all.
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch))
            return epoch >= 0 && epoch < MaxEpochSeconds ? DateTimeOffset.UnixEpoch.AddTicks((long)(epoch * TimeSpan.TicksPerSecond)) : null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
    }

    private sealed class Hit
    {
        public DateTimeOffset First { get; set; }
        public DateTimeOffset Last { get; set; }
        public long Connections { get; set; }
        public long Bytes { get; set; }
        public HitDirection Direction { get; set; }
    }
}
