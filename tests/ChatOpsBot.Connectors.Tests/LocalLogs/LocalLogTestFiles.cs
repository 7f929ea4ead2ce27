using ChatOpsBot.Connectors.LocalLogs;
using ChatOpsBot.Connectors.LocalLogs.Scanning;
using ChatOpsBot.Core.Siem;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Tests.LocalLogs;

/// <summary>A temporary folder for one test's logs, plus shortcuts to run the scanner over it.</summary>
internal sealed class LocalLogTestFiles : IDisposable
{
    public LocalLogTestFiles() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "chatopsbot-locallogs-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public static LocalLogSiem Siem(LocalLogsOptions options) => new(Options.Create(options), NullLogger<LocalLogSiem>.Instance);

    public static Task<SiemResult> QueryAsync(string path, SiemQuery query, LocalLogFormat format = LocalLogFormat.Auto, CsvColumnOptions? columns = null) =>
        Siem(new LocalLogsOptions { Paths = [path], Format = format, CsvColumns = columns ?? new CsvColumnOptions(), MaxDegreeOfParallelism = 2 })
            .QueryAsync(query, CancellationToken.None);

    /// <summary>Runs the fast scanner with tiny ranges so that even small files are split across workers.</summary>
    public static SiemResult ScanSplit(IReadOnlyList<string> files, SiemQuery query, LocalLogFormat format = LocalLogFormat.Auto, long rangeSize = 777)
    {
        var scanner = new LogScanner(format, new CsvColumnOptions(), 2, (_, _) => { }) { RangeSize = rangeSize };
        var outcome = scanner.Scan(files, new ScanContext(new IndicatorSet(query.Indicators), query.From.UtcTicks, query.To.UtcTicks), CancellationToken.None);
        return new SiemResult(outcome.Hits.ToHits(), outcome.Records);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a leftover temp folder is harmless
        }
    }
}
