using System.Text;
using ChatOpsBot.Connectors.Exports;

namespace ChatOpsBot.Connectors.Tests.Exports;

public sealed class CsvHelperExporterTests
{
    private readonly CsvHelperExporter _exporter = new();

    [Fact]
    public void Write_FormulaCells_AreEscapedSoSpreadsheetsShowText()
    {
        var csv = Text(_exporter.Write(["subject", "note"], [["=HYPERLINK(\"http://evil\",\"click\")", "@SUM(A1:A9)"], ["+1", "-2"]]));

        var lines = csv.Split("\r\n");
        // CsvHelper both prefixes the apostrophe and quotes the cell.
        Assert.Equal("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\",\"'@SUM(A1:A9)\"", lines[1]);
        Assert.Equal("\"'+1\",\"'-2\"", lines[2]);
        Assert.DoesNotContain("\n=", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",@", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TabOrCarriageReturnFirst_IsEscaped()
    {
        var csv = Text(_exporter.Write(["a", "b"], [["\tcmd", "\rcmd"]]));

        Assert.StartsWith("\"'\tcmd\",", csv.Split("\r\n")[1], StringComparison.Ordinal);
        Assert.Contains("\"'\rcmd\"", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_CommasQuotesAndNewlines_AreQuotedPerRfc4180()
    {
        var csv = Text(_exporter.Write(["host", "subject"], [["10.20.1.15", "Invoice, \"urgent\"\nplease"]]));

        Assert.Equal("host,subject\r\n10.20.1.15,\"Invoice, \"\"urgent\"\"\nplease\"\r\n", csv);
    }

    [Fact]
    public void Write_HeaderOnly_IsOneLineWithoutByteOrderMark()
    {
        var bytes = _exporter.Write(["ip", "verdict"], []);

        Assert.Equal("ip,verdict\r\n", Encoding.UTF8.GetString(bytes));
        Assert.NotEqual(0xEF, bytes[0]);
    }

    [Fact]
    public void Write_RowWithWrongCellCount_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => _exporter.Write(["a", "b"], [["1", "2"], ["only one"]]));

        Assert.Contains("Row 2", ex.Message, StringComparison.Ordinal);
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
