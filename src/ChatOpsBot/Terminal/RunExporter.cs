using System.Text;
using System.Text.Json;
using ChatOpsBot.Core.Reports;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Storage.Ticketing;

namespace ChatOpsBot.Terminal;

/// <summary>
/// Writes what a run left behind to a folder a person can open: the report (JSON and Markdown) and, for each of the
/// run's tickets in the built-in ticketing, the ticket as Markdown with its attachments (pivot CSV, exported .eml).
/// </summary>
public sealed class RunExporter(ITicketQueries tickets)
{
    /// <summary>The report's JSON form: read by people and scripts, not embedded in HTML, so &lt;, &gt; and quotes stay readable.</summary>
    public static readonly JsonSerializerOptions ReportJson = new(RunJson.Options)
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Exports <paramref name="run"/> into <paramref name="directory"/>; returns the files written.</summary>
    public async Task<IReadOnlyList<string>> ExportAsync(PlaybookRun run, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var written = new List<string>
        {
            RunArtifacts.SaveIn(directory, "report.json", Encoding.UTF8.GetBytes(JsonSerializer.Serialize(RunReport.From(run), ReportJson))),
            RunArtifacts.SaveIn(directory, "report.md", Encoding.UTF8.GetBytes(RunReportMarkdown.Render(run))),
        };
        if (run.Ticket is { } ticket && await tickets.GetAsync(ticket.Id, cancellationToken).ConfigureAwait(false) is { } details)
        {
            written.Add(RunArtifacts.SaveIn(directory, $"ticket-{details.Number}.md", Encoding.UTF8.GetBytes(TicketMarkdown(details))));
            foreach (var file in details.Attachments)
                written.Add(RunArtifacts.SaveIn(Path.Combine(directory, "attachments"), file.FileName, file.Content));
        }
        return written;
    }

    private static string TicketMarkdown(TicketDetails t)
    {
        var md = new StringBuilder();
        md.AppendLine($"# {t.Number}: {t.Title}").AppendLine();
        md.AppendLine($"- Priority: {t.Priority}").AppendLine($"- Status: {t.Status}").AppendLine($"- Created: {t.CreatedAt:u}");
        if (t.ResolvedAt is { } resolved) md.AppendLine($"- Resolved: {resolved:u}");
        md.AppendLine($"- Observables: {string.Join(", ", t.Observables)}").AppendLine().AppendLine(t.Description).AppendLine();
        if (t.ResolutionSummary is { } summary) md.AppendLine("## Resolution").AppendLine().AppendLine(summary).AppendLine();
        md.AppendLine("## Comments").AppendLine();
        foreach (var c in t.Comments) md.AppendLine($"- {c.At:u}: {c.Text.ReplaceLineEndings(" ")}");
        md.AppendLine().AppendLine("## Attachments").AppendLine();
        foreach (var f in t.Attachments) md.AppendLine($"- attachments/{RunArtifacts.SafeName(f.FileName)} ({f.ContentType}, {f.Size} bytes)");
        return md.ToString();
    }
}
