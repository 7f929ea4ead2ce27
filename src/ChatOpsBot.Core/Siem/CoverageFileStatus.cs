namespace ChatOpsBot.Core.Siem;

/// <summary>Why a log file is named in a query's coverage.</summary>
public enum CoverageFileStatus
{
    /// <summary>The file could not be opened or read (permissions, I/O error, vanished): a gap.</summary>
    Unreadable,
    /// <summary>The file ended early (a gzip stream cut short or failing its CRC): records past the cut were not read, a gap.</summary>
    Truncated,
    /// <summary>The file was read but its records cannot be used (no header, no address columns, unknown layout): a gap.</summary>
    Unusable,
    /// <summary>Left out by design (another Zeek log type such as http.log, an archive day outside the window): not a gap.</summary>
    Ignored,
}
