using System.Diagnostics;
using System.Text;

namespace ChatOpsBot.Tests.Support;

/// <summary>Runs the built bot (<c>dotnet ChatOpsBot.dll …</c>) as a child process, the way an operator does.</summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly object _gate = new();

    private BotProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_gate) _stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_gate) _stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Stdout { get { lock (_gate) return _stdout.ToString(); } }
    public string Stderr { get { lock (_gate) return _stderr.ToString(); } }
    public StreamWriter Stdin => _process.StandardInput;

    /// <summary>
    /// Starts the bot with <paramref name="args"/> from the repository root (or <paramref name="workingDirectory"/>), with its
    /// own database under <paramref name="dataDirectory"/>; <paramref name="launcher"/> runs before <c>dotnet</c> (e.g. setpriv).
    /// </summary>
    public static BotProcess Start(IEnumerable<string> args, string dataDirectory, IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null, IReadOnlyList<string>? launcher = null)
    {
        var info = new ProcessStartInfo(launcher is { Count: > 0 } ? launcher[0] : "dotnet")
        {
            WorkingDirectory = workingDirectory ?? RepositoryRoot.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        if (launcher is { Count: > 0 })
        {
            foreach (var a in launcher.Skip(1)) info.ArgumentList.Add(a);
            info.ArgumentList.Add("dotnet");
        }
        info.ArgumentList.Add(BotDll());
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["Storage__ConnectionString"] = $"Data Source={Path.Combine(dataDirectory, "bot.db")}";
        info.Environment["ShiftLog__File"] = Path.Combine(dataDirectory, "shift-log.md");
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) info.Environment[k] = v;
        return new BotProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Waits for exit (killing it after <paramref name="timeout"/>) and returns the exit code.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The bot did not exit within {timeout}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }
        _process.WaitForExit(); // flushes the async output readers
        return _process.ExitCode;
    }

    /// <summary>Waits until stdout (or stderr, with <paramref name="stderr"/>) contains <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout, bool stderr = false)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!(stderr ? Stderr : Stdout).Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
                throw new TimeoutException($"'{text}' did not appear.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
            await Task.Delay(50);
        }
    }

    /// <summary>Sends a signal the way an operator or a container runtime does (<c>kill -TERM</c>, <c>kill -INT</c>).</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("kill did not start");
        kill.WaitForExit();
    }

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>kill -9.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static string BotDll()
    {
        // The host project is referenced, so its DLL and runtimeconfig sit next to the tests.
        var dll = Path.Combine(AppContext.BaseDirectory, "ChatOpsBot.dll");
        if (!File.Exists(Path.Combine(AppContext.BaseDirectory, "ChatOpsBot.runtimeconfig.json")))
            throw new InvalidOperationException("ChatOpsBot.runtimeconfig.json is not beside the tests; the host project must be referenced.");
        return dll;
    }
}
