using System.Text;
using ChatOpsBot.Core.Playbook.Closure;
using ChatOpsBot.Core.Playbook.Coverage;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Reports;

/// <summary>The run report as Markdown (for <c>--report md</c> and the shift log). Outside text is code-spanned.</summary>
public static class RunReportMarkdown
{
    /// <summary>Markdown for <paramref name="run"/>.</summary>
    public static string Render(PlaybookRun run)
    {
        var r = RunReport.From(run);
        var md = new StringBuilder();
        md.AppendLine($"# C2 hunt {r.RunId} — {r.State}").AppendLine();
        md.AppendLine("## Coverage").AppendLine();
        md.AppendLine($"- Window: {QueryCoverage.Window(r.Window.From, r.Window.To)}");
        md.AppendLine($"- Feed: {Code(FeedNames.Display(r.Feed.Source))}, {r.Feed.Indicators} indicators, {r.Feed.InvalidLines} unreadable lines");
        md.AppendLine($"- Hunt query: {Safe(QueryCoverage.Summary(r.Coverage.Hunt))}");
        foreach (var file in r.Coverage.Hunt?.Files ?? [])
            md.AppendLine($"  - {Code(QueryCoverage.FileName(file.Path))} {file.Status}: {Safe(file.Reason)}");
        foreach (var (ip, coverage) in r.Coverage.Pivots) md.AppendLine($"- Pivot on {Code(ip)}: {Safe(QueryCoverage.Summary(coverage))}");
        if (r.Coverage.Complete) md.AppendLine("- **Complete**: no gaps.");
        else
        {
            md.AppendLine($"- **{r.Coverage.Gaps.Count} gap(s)** — not examined:");
            foreach (var gap in r.Coverage.Gaps) md.AppendLine($"  - {Safe(gap.Text)}");
        }
        md.AppendLine().AppendLine("## Summary").AppendLine();
        foreach (var line in RunSummaryLines.Lines(run)) md.AppendLine($"- {Safe(line)}");
        md.AppendLine().AppendLine("| host | remote IP | connections | origin |").AppendLine("|---|---|---|---|");
        foreach (var h in r.C2Hits) md.AppendLine($"| {Code(h.Host)} | {Code(h.RemoteIp)} | {h.Connections} | {h.Origin} |");
        if (r.SuspiciousEmails.Count > 0)
        {
            md.AppendLine().AppendLine("| user | subject | status |").AppendLine("|---|---|---|");
            foreach (var m in r.SuspiciousEmails) md.AppendLine($"| {Code(m.User)} | {Code(m.Subject)} | {m.Status} |");
        }
        return md.ToString();
    }

    private static string Code(string s) => $"`{s.Replace("`", "'", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ")}`";

    // Summary lines embed outside text (mail subjects, host names): every Markdown-active character is escaped.
    private static string Safe(string s)
    {
        var sb = new StringBuilder(s.Length + 16);
        foreach (var c in s.ReplaceLineEndings(" "))
        {
            if (c == '<') sb.Append("&lt;");
            else if ("\\`*_[]()#|!>~".Contains(c, StringComparison.Ordinal)) sb.Append('\\').Append(c);
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
