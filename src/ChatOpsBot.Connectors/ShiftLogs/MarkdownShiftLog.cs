using System.Globalization;
using System.Text;
using ChatOpsBot.Core.ShiftLogs;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.ShiftLogs;

/// <summary>
/// Appends one Markdown section per hunt run to a shared file. Each section starts with <c>&lt;!-- run:ID --&gt;</c>;
/// an entry whose marker is already present is not written again, so a resumed run never logs twice.
/// </summary>
public sealed class MarkdownShiftLog(IOptions<ShiftLogOptions> options) : IShiftLog, IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    // Serialises appends within the process; the exclusive file share covers other processes.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task AppendAsync(ShiftLogEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.RunId);
        var path = options.Value.File;
        var marker = Marker(entry.RunId);

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            await using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 16 * 1024, FileOptions.Asynchronous);
            var isNew = stream.Length == 0;
            if (!isNew && await ContainsMarkerAsync(stream, marker, cancellationToken))
            {
                return;
            }

            stream.Seek(0, SeekOrigin.End);
            var text = new StringBuilder();
            if (isNew)
            {
                text.Append("# ").Append(MarkdownText.Inline(options.Value.Title)).Append("\n\n");
            }

            AppendSection(text, entry, marker);
            await stream.WriteAsync(Utf8NoBom.GetBytes(text.ToString()), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    // Escaping the id keeps "-->" or newlines in it from ending the comment early.
    private static string Marker(string runId) => $"<!-- run:{Uri.EscapeDataString(runId)} -->";

    private static async Task<bool> ContainsMarkerAsync(Stream stream, string marker, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Utf8NoBom, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.AsSpan().Trim().SequenceEqual(marker))
            {
                return true;
            }
        }

        return false;
    }

    private static void AppendSection(StringBuilder text, ShiftLogEntry entry, string marker)
    {
        var at = entry.At.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        text.Append('\n').Append(marker).Append('\n');
        text.Append("## Run ").Append(MarkdownText.Inline(entry.RunId)).Append(" — ").Append(at).Append("\n\n");
        text.Append("**Analysts:** ")
            .Append(entry.Analysts.Count == 0 ? "(none)" : string.Join(", ", entry.Analysts.Select(MarkdownText.Inline)))
            .Append("\n\n");

        foreach (var line in entry.Summary)
        {
            text.Append("- ").Append(MarkdownText.Inline(line)).Append('\n');
        }

        if (entry.Summary.Count > 0)
        {
            text.Append('\n');
        }

        text.Append(entry.PostMortem is null
            ? "**Post-mortem:** not requested\n"
            : $"> **⚠ Post-mortem requested:** {MarkdownText.Inline(entry.PostMortem)}\n");
    }
}
