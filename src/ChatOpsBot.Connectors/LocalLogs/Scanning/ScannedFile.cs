using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Connectors.LocalLogs.Scanning;

/// <summary>One file of a scan and what became of it; shared by the workers that read its ranges.</summary>
internal sealed class ScannedFile(string path)
{
    private CoverageFile? _problem;

    public string Path { get; } = path;

    /// <summary>Why the file was not read to its end, or was left out; null when it was read in full.</summary>
    public CoverageFile? Problem => Volatile.Read(ref _problem);

    /// <summary>The other Zeek log type it holds, when it was left out for that.</summary>
    public string? IgnoredType { get; private set; }

    /// <summary>Records the first thing that went wrong; what other ranges of the same file meet later adds nothing.</summary>
    public void Fail(CoverageFileStatus status, string reason) =>
        Interlocked.CompareExchange(ref _problem, new CoverageFile(Path, status, reason), null);

    /// <summary>Leaves the file out by design: a Zeek log of another type than conn.</summary>
    public void Ignore(string zeekLogType)
    {
        IgnoredType = zeekLogType;
        Fail(CoverageFileStatus.Ignored, ZeekLogTypes.Reason(zeekLogType));
    }
}
