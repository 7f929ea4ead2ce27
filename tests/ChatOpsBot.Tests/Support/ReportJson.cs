using System.Text.Json;

namespace ChatOpsBot.Tests.Support;

/// <summary>Reads the run report that terminal mode prints last on stdout.</summary>
internal static class ReportJson
{
    public static JsonElement Last(string stdout)
    {
        // With --report, stdout is the report alone: parse all of it (anything else on stdout makes this throw).
        if (stdout.TrimStart().StartsWith('{')) return JsonDocument.Parse(stdout).RootElement;
        var start = stdout.LastIndexOf("\n{", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no JSON report on stdout:\n{stdout}");
        return JsonDocument.Parse(stdout[(start + 1)..]).RootElement;
    }

    public static string RunId(string stdout)
    {
        var marker = "Run ";
        var line = stdout.Split('\n').First(l => l.StartsWith(marker, StringComparison.Ordinal) && l.Contains(" started", StringComparison.Ordinal));
        return line[marker.Length..line.IndexOf(' ', marker.Length)];
    }
}
