using ChatOpsBot.Core.Exports;
using CsvHelper;

namespace ChatOpsBot.Connectors.Exports;

/// <summary>
/// RFC 4180 CSV via CsvHelper. Cells carry outside text (mail subjects, pulse names), so CsvHelper's own
/// injection escaping prefixes a quote to any cell a spreadsheet would run as a formula.
/// </summary>
/// <remarks>No byte order mark: the files go to tickets and chat previews, which show a BOM as a stray character.</remarks>
public sealed class CsvHelperExporter : ICsvExporter
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        NewLine = "\r\n",
        WriteByteOrderMark = false,
    };

    public byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);

        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteRecord([.. header]);
            var rowNumber = 0;
            foreach (var row in rows)
            {
                rowNumber++;
                if (row.Count != header.Count)
                {
                    throw new ArgumentException($"Row {rowNumber} has {row.Count} cells but the header has {header.Count}.", nameof(rows));
                }

                csv.WriteRecord([.. row]);
            }
        }

        return buffer.ToArray();
    }
}
