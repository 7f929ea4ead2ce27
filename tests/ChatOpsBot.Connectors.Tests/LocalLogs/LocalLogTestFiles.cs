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

    /// <summary>Writes <paramref name="content"/> gzip-compressed (as logrotate and Zeek's archiver do).</summary>
    public string WriteGzip(string name, string content)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest);
        gzip.Write(System.Text.Encoding.UTF8.GetBytes(content));
        return path;
    }

    public static LocalLogSiem Siem(LocalLogsOptions options) => new(Options.Create(options), NullLogger<LocalLogSiem>.Instance);

    public static Task<SiemResult> QueryAsync(string path, SiemQuery query, LocalLogFormat format = LocalLogFormat.Auto, CsvColumnOptions? columns = null) =>
        Siem(new LocalLogsOptions { Paths = [path], Format = format, CsvColumns = columns ?? new CsvColumnOptions(), MaxDegreeOfParallelism = 2 })
            .QueryAsync(query, CancellationToken.None);

    /// <summary>
    /// Runs the fast scanner with tiny ranges so that even small files are split across workers, and optionally a small
    /// read buffer so that lines straddle many buffer boundaries (gzip files are read through it whole).
    /// </summary>
    public static SiemResult ScanSplit(IReadOnlyList<string> files, SiemQuery query, LocalLogFormat format = LocalLogFormat.Auto, long rangeSize = 777,
        int bufferSize = LineBlockReader.DefaultBufferSize)
    {
        var scanner = new LogScanner(format, new CsvColumnOptions(), 2) { RangeSize = rangeSize, BufferSize = bufferSize };
        var outcome = scanner.Scan(files, new ScanContext(new IndicatorSet(query.Indicators), query.From.UtcTicks, query.To.UtcTicks), CancellationToken.None);
        return LocalLogSiem.Result(outcome, []);
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
