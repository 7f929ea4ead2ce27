using System.Globalization;

namespace ChatOpsBot.Bench;

/// <summary>Repeated measurements of one figure: its median and its spread (lowest to highest run).</summary>
internal sealed record Samples(IReadOnlyList<double> Values)
{
    public double Median
    {
        get
        {
            var sorted = Values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    public double Min => Values.Min();

    public double Max => Values.Max();

    /// <summary>Each value minus <paramref name="baseline"/>'s median (the spread of a difference of two medians).</summary>
    public Samples Minus(Samples baseline) => new([.. Values.Select(v => v - baseline.Median)]);

    public Samples Over(double divisor) => new([.. Values.Select(v => v / divisor)]);

    /// <summary>"min–max" with <paramref name="unit"/> after each, and the number of runs.</summary>
    public string Spread(string format, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{Min.ToString(format, CultureInfo.InvariantCulture)}{unit}–{Max.ToString(format, CultureInfo.InvariantCulture)}{unit} ({Values.Count} runs)");
}
