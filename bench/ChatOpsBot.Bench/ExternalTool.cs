using System.Diagnostics;

namespace ChatOpsBot.Bench;

/// <summary>Runs shell commands for data generation and the side-by-side timings.</summary>
internal static class ExternalTool
{
    public static bool Exists(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, name)));

    /// <summary>Runs <paramref name="command"/> with /bin/sh, returns the wall time and standard output; an exit code other than 0 and <paramref name="alsoAccepted"/> throws.</summary>
    public static (TimeSpan Elapsed, string Output) Run(string command, params int[] alsoAccepted)
    {
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (process.ExitCode != 0 && !alsoAccepted.Contains(process.ExitCode))
        {
            throw new InvalidOperationException($"'{command}' exited with {process.ExitCode}: {stderr.Result}");
        }

        return (elapsed, output);
    }

    public static TimeSpan Median(int repeat, Func<TimeSpan> run)
    {
        var times = Enumerable.Range(0, repeat).Select(_ => run()).Order().ToList();
        return times[times.Count / 2];
    }

    public static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
