using System.Text;
using ChatOpsBot.Core.Playbook.Closure;
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
