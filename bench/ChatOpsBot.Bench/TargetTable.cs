using System.Globalization;

namespace ChatOpsBot.Bench;

/// <summary>The README's performance table: each figure with its target, median, spread and whether it is met.</summary>
internal sealed class TargetTable
{
    private readonly List<string> _rows = [];

    public void Add(string figure, string target, string median, string spread, bool met, string note = "")
    {
        var row = $"| {figure} | {target} | **{median}** | {spread} | {(met ? "met" : "NOT MET")} | {note} |";
        _rows.Add(row);
        Console.WriteLine($"target: {row}");
    }

    public void Print(string heading)
    {
        Console.WriteLine();
        Console.WriteLine(heading);
        Console.WriteLine();
        Console.WriteLine("| figure | target | median | spread (min–max) | | how measured |");
        Console.WriteLine("|---|---|---|---|---|---|");
        _rows.ForEach(Console.WriteLine);
    }

    public static string F(double value, string format = "F3") => value.ToString(format, CultureInfo.InvariantCulture);
}
