using System.Globalization;
using ChatOpsBot.Core.Health;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.LocalLogs;

/// <summary>
/// <c>check</c> line for one configured log path (<c>LocalLogs:Paths:i</c>): it exists and is readable, each file's
/// format is detected, and the records sampled span a time range. Fails on a missing path, a folder with no file, or a
/// file the scanner would skip. At most <see cref="MaxFiles"/> files of a folder are sampled.
/// </summary>
internal sealed class LocalLogPathCheck(int index, IOptions<LocalLogsOptions> options) : IConnectorCheck
{
    /// <summary>Files of one folder sampled, at most: a check must stay quick on a folder of a month's rotated logs.</summary>
    internal const int MaxFiles = 50;

    public string Name => $"logs (LocalLogs:Paths:{index.ToString(CultureInfo.InvariantCulture)})";

    public Task<ConnectorHealth> CheckAsync(CancellationToken cancellationToken) => Task.Run(() => Check(cancellationToken), cancellationToken);

    private ConnectorHealth Check(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (index >= o.Paths.Count) return ConnectorHealth.Fail("not configured");
        var path = o.Paths[index];
        string[] files;
        try
        {
            files = Directory.Exists(path)
                ? [.. new DirectoryInfo(path).EnumerateFiles().Where(f => (f.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) == 0)
                    .Select(f => f.FullName).Order(StringComparer.Ordinal)]
                : File.Exists(path) ? [path] : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ConnectorHealth.Fail($"'{path}' cannot be listed: {e.Message}");
        }
        if (files.Length == 0)
            return ConnectorHealth.Fail(Directory.Exists(path) ? $"'{path}' has no log file" : $"'{path}' is neither an existing file nor a directory");

        var formats = new SortedSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        DateTimeOffset? first = null, last = null;
        foreach (var file in files.Take(MaxFiles))
        {
            cancellationToken.ThrowIfCancellationRequested();
            LogFileSample sample;
            try
            {
                sample = LogFileSample.Read(file, o.Format, o.CsvColumns);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{Path.GetFileName(file)}: {e.Message}");
                continue;
            }
            if (sample.Error is not null) problems.Add($"{Path.GetFileName(file)}: {sample.Error}");
            if (sample.Format is { } format) formats.Add(format.ToString());
            if (sample.First is { } f && (first is null || f < first)) first = f;
            if (sample.Last is { } l && (last is null || l > last)) last = l;
        }

        var count = files.Length > MaxFiles ? $"{MaxFiles} of {files.Length} files sampled" : $"{files.Length} file{(files.Length == 1 ? "" : "s")}";
        var range = first is null ? "no timestamp found" : $"records {first:yyyy-MM-dd HH:mm:ss} to {last:yyyy-MM-dd HH:mm:ss} UTC (sampled)";
        var summary = $"'{path}': {count}, {(formats.Count == 0 ? "no format detected" : string.Join("/", formats))}, {range}";
        if (problems.Count > 0) return ConnectorHealth.Fail($"{summary}; unreadable: {string.Join("; ", problems.Take(3))}{(problems.Count > 3 ? $" and {problems.Count - 3} more" : "")}");
        return first is null ? ConnectorHealth.Fail(summary) : ConnectorHealth.Pass(summary);
    }
}
