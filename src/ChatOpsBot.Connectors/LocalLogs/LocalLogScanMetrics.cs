using System.Diagnostics.Metrics;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Connectors.LocalLogs;

/// <summary>Scan throughput of the local-log SIEM: records and bytes scanned and scan duration, tagged by query purpose.</summary>
public sealed class LocalLogScanMetrics : IDisposable
{
    private readonly Meter? _ownedMeter;
    private readonly Counter<long> _records;
    private readonly Counter<long> _bytes;
    private readonly Histogram<double> _duration;

    /// <summary>Creates the instruments on the shared ChatOpsBot meter from <paramref name="meterFactory"/>, or on a meter of its own.</summary>
    public LocalLogScanMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(PlaybookMetrics.MeterName) ?? (_ownedMeter = new Meter(PlaybookMetrics.MeterName));
        _records = meter.CreateCounter<long>("chatopsbot.siem.local.records", "{record}", "Log records the local-log SIEM scanned.");
        _bytes = meter.CreateCounter<long>("chatopsbot.siem.local.bytes", "By", "Bytes of log files (as stored, compressed or not) the local-log SIEM scanned.");
        _duration = meter.CreateHistogram("chatopsbot.siem.local.scan.duration", "s", "Duration of one local-log scan.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300] });
    }

    /// <summary>Records one finished scan.</summary>
    public void Scanned(QueryPurpose purpose, long records, long bytes, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("purpose", purpose.ToString());
        _records.Add(records, tag);
        _bytes.Add(bytes, tag);
        _duration.Record(elapsed.TotalSeconds, tag);
    }

    /// <inheritdoc />
    public void Dispose() => _ownedMeter?.Dispose();
}
