using System.Globalization;

namespace ChatOpsBot.Bench;

/// <summary>What a figure was measured on: commit, CPU, cores, memory, runtime, load.</summary>
internal static class MachineInfo
{
    public static string Describe(string repoRoot)
    {
        var commit = Git(repoRoot, "rev-parse --short=12 HEAD");
        var dirty = Git(repoRoot, "status --porcelain --untracked-files=no").Length > 0 ? " + uncommitted changes" : "";
        var cpu = Read("/proc/cpuinfo").Split('\n').FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var memKb = Read("/proc/meminfo").Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var memory = long.TryParse(memKb, CultureInfo.InvariantCulture, out var kb) ? $"{kb / 1024.0 / 1024.0:F1} GB" : "?";
        return string.Create(CultureInfo.InvariantCulture,
            $"commit {commit}{dirty}; machine: {cpu}, {Environment.ProcessorCount} cores, {memory} memory, {Environment.OSVersion.VersionString}, .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average {LoadAverage()}");
    }

    public static string LoadAverage() => string.Join(' ', Read("/proc/loadavg").Split(' ').Take(3));

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static string Git(string repoRoot, string arguments)
    {
        try
        {
            return ExternalTool.Run($"git -C {ExternalTool.Quote(repoRoot)} {arguments}").Output.Trim();
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }
}
