using System.Diagnostics;
using ChatOpsBot.Connectors.LocalLogs.Scanning;
using ChatOpsBot.Core.Siem;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.LocalLogs;

/// <summary>
/// The SIEM for teams without one: scans local Zeek (TSV or JSON), Suricata eve.json or CSV connection logs,
/// plain or gzip, for traffic to or from the indicators.
/// </summary>
public sealed partial class LocalLogSiem : ISiem
{
    private readonly LocalLogsOptions _options;
    private readonly ILogger<LocalLogSiem> _logger;
    private readonly LocalLogScanMetrics? _metrics;

    public LocalLogSiem(IOptions<LocalLogsOptions> options, ILogger<LocalLogSiem> logger, LocalLogScanMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _metrics = metrics;
    }

    public async Task<SiemResult> QueryAsync(SiemQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var outcome = await Task.Run(() => Scan(query, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new SiemResult(outcome.Hits.ToHits(), outcome.Records);
    }

    internal ScanOutcome Scan(SiemQuery query, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var files = ResolveFiles();
        var context = new ScanContext(new IndicatorSet(query.Indicators), query.From.UtcTicks, query.To.UtcTicks);
        var scanner = new LogScanner(_options.Format, _options.CsvColumns, Math.Max(1, _options.MaxDegreeOfParallelism), LogSkippedFile);
        var outcome = scanner.Scan(files, context, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        LogScanned(outcome.Files, outcome.Records, outcome.Malformed, outcome.Hits.Count, query.Purpose, elapsed.TotalMilliseconds);
        _metrics?.Scanned(query.Purpose, outcome.Records, _metrics is null ? 0 : TotalBytes(files), elapsed);
        return outcome;
    }

    /// <summary>The configured files, and the regular files directly inside the configured directories, each once.</summary>
    internal List<string> ResolveFiles()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<string>();
        foreach (var configured in _options.Paths)
        {
            if (Directory.Exists(configured))
            {
                var inDirectory = new DirectoryInfo(configured).EnumerateFiles()
                    .Where(f => (f.Attributes & (FileAttributes.Directory | FileAttributes.Device)) == 0)
                    .Select(f => f.FullName)
                    .Order(StringComparer.Ordinal);
                foreach (var file in inDirectory)
                {
                    if (seen.Add(file))
                    {
                        files.Add(file);
                    }
                }
            }
            else if (File.Exists(configured))
            {
                if (seen.Add(Path.GetFullPath(configured)))
                {
                    files.Add(Path.GetFullPath(configured));
                }
            }
            else
            {
                LogMissingPath(configured);
            }
        }

        return files;
    }

    private static long TotalBytes(List<string> files)
    {
        long total = 0;
        foreach (var file in files)
        {
            try { total += new FileInfo(file).Length; }
            catch (IOException) { } // vanished since the scan; its bytes were not read either
            catch (UnauthorizedAccessException) { }
        }
        return total;
    }

    private void LogSkippedFile(string path, string reason) => LogSkipped(path, reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local logs scanned: {Files} files, {Records} records ({Malformed} malformed skipped), {Pairs} hit pairs for {Purpose} in {ElapsedMs:F0} ms")]
    private partial void LogScanned(int files, long records, long malformed, int pairs, QueryPurpose purpose, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local log path {Path} does not exist; skipped")]
    private partial void LogMissingPath(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local log file {Path} skipped: {Reason}")]
    private partial void LogSkipped(string path, string reason);
}
