using System.Diagnostics;
using ChatOpsBot.Connectors.LocalLogs.Scanning;
using ChatOpsBot.Core.Siem;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.LocalLogs;

/// <summary>
/// The SIEM for teams without one: scans local Zeek (TSV or JSON), Suricata eve.json or CSV connection logs,
/// plain or gzip, for traffic to or from the indicators, and says what it examined (<see cref="SiemResult.Coverage"/>).
/// </summary>
public sealed partial class LocalLogSiem : ISiem
{
    /// <summary>The coverage's <see cref="SiemCoverage.Source"/>.</summary>
    public const string SourceName = "local logs";

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

    /// <remarks>
    /// Earliest and latest are exact for most records; Zeek TSV lines read by the fast path count to the whole second
    /// (rounded down), which is all a coverage check needs.
    /// </remarks>
    public async Task<SiemResult> QueryAsync(SiemQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (outcome, skipped) = await Task.Run(() => Scan(query, cancellationToken), cancellationToken).ConfigureAwait(false);
        var result = Result(outcome, skipped);
        foreach (var file in result.Coverage!.Files)
        {
            if (file.IsGap)
            {
                LogGap(file.Path, file.Status, file.Reason);
            }
            else
            {
                LogIgnored(file.Path, file.Reason);
            }
        }

        return result;
    }

    /// <summary>The hits and the coverage of a scan, <paramref name="skipped"/> (paths left out before it) listed first.</summary>
    internal static SiemResult Result(ScanOutcome outcome, IEnumerable<CoverageFile> skipped)
    {
        var files = new List<CoverageFile>(skipped);
        files.AddRange(CoverageFiles.Summarise(outcome.Files));
        var any = outcome.MinTicks <= outcome.MaxTicks;
        var coverage = new SiemCoverage(SourceName, outcome.FilesRead, outcome.Records, outcome.InWindow, outcome.Malformed,
            any ? new DateTimeOffset(outcome.MinTicks, TimeSpan.Zero) : null,
            any ? new DateTimeOffset(outcome.MaxTicks, TimeSpan.Zero) : null,
            files);
        return new SiemResult(outcome.Hits.ToHits(), outcome.Records) { Coverage = coverage };
    }

    internal (ScanOutcome Outcome, List<CoverageFile> Skipped) Scan(SiemQuery query, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var (files, skipped) = ResolveFiles(query.From, query.To);
        var context = new ScanContext(new IndicatorSet(query.Indicators), query.From.UtcTicks, query.To.UtcTicks);
        var scanner = new LogScanner(_options.Format, _options.CsvColumns, Math.Max(1, _options.MaxDegreeOfParallelism));
        var outcome = scanner.Scan(files, context, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        LogScanned(outcome.FilesRead, outcome.Records, outcome.InWindow, outcome.Malformed, outcome.Hits.Count, query.Purpose, elapsed.TotalMilliseconds);
        _metrics?.Scanned(query.Purpose, outcome.Records, _metrics is null ? 0 : TotalBytes(files), elapsed);
        return (outcome, skipped);
    }

    /// <summary>
    /// The configured files, the regular files directly inside the configured directories and, in a Zeek archive root
    /// (<c>YYYY-MM-DD/</c> day folders), those of <c>current/</c> and of the days near the window, each once; plus
    /// what was left out: paths that do not exist, archive days far from the window.
    /// </summary>
    internal (List<string> Files, List<CoverageFile> Skipped) ResolveFiles(DateTimeOffset from, DateTimeOffset to)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<string>();
        var skipped = new List<CoverageFile>();
        void AddFilesOf(DirectoryInfo directory)
        {
            var inDirectory = directory.EnumerateFiles()
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

        foreach (var configured in _options.Paths)
        {
            if (Directory.Exists(configured))
            {
                var root = new DirectoryInfo(configured);
                try
                {
                    AddFilesOf(root);
                    var archive = ZeekArchive.Read(root, from, to);
                    foreach (var day in archive.Read)
                    {
                        AddFilesOf(day);
                    }

                    if (archive.Skipped is { } outside)
                    {
                        skipped.Add(outside);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    skipped.Add(new CoverageFile(configured, CoverageFileStatus.Unreadable, $"cannot list the directory: {e.Message}"));
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
                skipped.Add(new CoverageFile(configured, CoverageFileStatus.Unreadable, "does not exist"));
            }
        }

        return (files, skipped);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Local logs scanned: {Files} files read, {Records} records ({InWindow} in the window, {Malformed} malformed skipped), {Pairs} hit pairs for {Purpose} in {ElapsedMs:F0} ms")]
    private partial void LogScanned(int files, long records, long inWindow, long malformed, int pairs, QueryPurpose purpose, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local log {Path} not read in full ({Status}): {Reason}")]
    private partial void LogGap(string path, CoverageFileStatus status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local log {Path} left out: {Reason}")]
    private partial void LogIgnored(string path, string reason);
}
