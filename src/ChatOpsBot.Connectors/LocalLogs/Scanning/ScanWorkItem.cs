using Microsoft.Win32.SafeHandles;

namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>One unit of parallel work: a line-aligned byte range of a plain file, or a whole gzip file.</summary>
internal sealed record ScanWorkItem(ScannedFile File, SafeFileHandle? Handle, LogLayout? Layout, long Start, long End)
{
    public string Path => File.Path;

    public bool IsGzip => Handle is null;

    public long Length => End - Start;
}
