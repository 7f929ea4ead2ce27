using System.Globalization;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Core.Playbook.Coverage;

/// <summary>
/// Judges what one SIEM query examined against the window it was asked about. The rules are the analyst's: no
/// record in the window means nothing was compared; a file not read to its end may hold the one hit; logs that stop
/// hours before the window's end did not look at those hours.
/// </summary>
public static class QueryCoverage
{
    /// <summary>The gaps of a query over [<paramref name="from"/>, <paramref name="to"/>) that examined <paramref name="coverage"/>.</summary>
    /// <param name="coverage">What the SIEM reported; null when it reported nothing.</param>
    /// <param name="from">Window start.</param>
    /// <param name="to">Window end.</param>
    /// <param name="tolerance">How far inside the window the data may start or end before it counts as a gap.</param>
    /// <param name="section">The section that ran the query.</param>
    /// <param name="label">Prefix naming the query in each gap, e.g. "Hunt" or "Pivot on 203.0.113.9".</param>
    public static List<CoverageGap> Gaps(SiemCoverage? coverage, DateTimeOffset from, DateTimeOffset to, TimeSpan tolerance, PlaybookSection section, string label)
    {
        var s = section.ToString();
        var gaps = new List<CoverageGap>();
        if (coverage is null)
        {
            gaps.Add(new(s, CoverageGapKind.CoverageUnknown, $"{label}: the SIEM did not report what it examined."));
            return gaps;
        }
        foreach (var file in coverage.Files.Where(f => f.IsGap))
            gaps.Add(new(s, CoverageGapKind.FileNotRead, $"{label}: {FileName(file.Path)} {Verb(file.Status)}: {file.Reason}"));
        var fileless = coverage.FilesRead == 0 && coverage.RecordsRead == 0;
        if (fileless && coverage.Files.Count(f => f.IsGap) == 0)
            gaps.Add(new(s, CoverageGapKind.NoLogs, $"{label}: no log data was found in {coverage.Source}."));
        else if (coverage.RecordsInWindow == 0)
            gaps.Add(new(s, CoverageGapKind.NoRecordsInWindow, coverage.RecordsRead == 0
                ? $"{label}: no log record was read."
                : $"{label}: none of the {Count(coverage.RecordsRead)} records read lies inside the window {Window(from, to)} (data {Span(coverage)})."));
        if (coverage.RecordsInWindow > 0 && coverage.Latest is { } latest && latest < to - tolerance)
            gaps.Add(new(s, CoverageGapKind.LogsEndEarly, $"{label}: the logs end at {Time(latest)}, {Duration(to - latest)} before the window's end {Time(to)}."));
        if (coverage.RecordsInWindow > 0 && coverage.Earliest is { } earliest && earliest > from + tolerance)
            gaps.Add(new(s, CoverageGapKind.LogsStartLate, $"{label}: the logs start at {Time(earliest)}, {Duration(earliest - from)} after the window's start {Time(from)}."));
        return gaps;
    }

    /// <summary>One line: what the query read, e.g. "local logs: 4 files, 12,345 records (12,001 in the window, 3 malformed); data 2026-11-26 00:00Z → 2026-11-27 23:59Z".</summary>
    public static string Summary(SiemCoverage? coverage)
    {
        if (coverage is null) return "the SIEM did not report what it examined";
        var files = coverage.FilesRead > 0 || coverage.Files.Count > 0 ? $"{Count(coverage.FilesRead)} file(s) read, " : "";
        var malformed = coverage.MalformedRecords > 0 ? $", {Count(coverage.MalformedRecords)} malformed" : "";
        var data = coverage.Earliest is null ? "no timestamps seen" : $"data {Span(coverage)}";
        var notRead = coverage.Files.Count(f => f.IsGap);
        var ignored = coverage.Files.Count(f => !f.IsGap);
        var extra = (notRead > 0 ? $"; {Count(notRead)} file(s) not read in full" : "") + (ignored > 0 ? $"; {Count(ignored)} file(s) ignored (not connection logs)" : "");
        return $"{coverage.Source}: {files}{Count(coverage.RecordsRead)} records ({Count(coverage.RecordsInWindow)} in the window{malformed}); {data}{extra}";
    }

    /// <summary>A path as analysts see it: the file name only (server paths stay in logs and the report).</summary>
    public static string FileName(string path)
    {
        var name = Path.GetFileName(path.TrimEnd('/', '\\'));
        return name.Length == 0 ? path : name;
    }

    /// <summary>A time as every coverage line writes it: <c>2026-11-27 23:59Z</c>.</summary>
    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    /// <summary>A window as every coverage line writes it.</summary>
    public static string Window(DateTimeOffset from, DateTimeOffset to) => $"{Time(from)} → {Time(to)}";

    private static string Span(SiemCoverage c) => $"{Time(c.Earliest!.Value)} → {Time(c.Latest ?? c.Earliest.Value)}";

    private static string Verb(CoverageFileStatus status) => status switch
    {
        CoverageFileStatus.Unreadable => "could not be read",
        CoverageFileStatus.Truncated => "is truncated",
        _ => "was not usable",
    };

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan t) => t.TotalDays >= 2
        ? $"{Math.Floor(t.TotalDays).ToString(CultureInfo.InvariantCulture)} days"
        : t.TotalHours >= 1 ? $"{Math.Floor(t.TotalHours).ToString(CultureInfo.InvariantCulture)} h {t.Minutes.ToString(CultureInfo.InvariantCulture)} min"
        : $"{Math.Max(1, (int)t.TotalMinutes).ToString(CultureInfo.InvariantCulture)} min";
}
