using System.Text;
using ChatOpsBot.Core.Exports;

namespace ChatOpsBot.Core.Tests.Fakes;

/// <summary>Comma-joined lines; enough to read back what was exported.</summary>
public sealed class SimpleCsvExporter : ICsvExporter
{
    public byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder().AppendJoin(',', header).Append('\n');
        foreach (var row in rows) text.AppendJoin(',', row).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
