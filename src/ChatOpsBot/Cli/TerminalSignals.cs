using System.Runtime.InteropServices;

namespace ChatOpsBot.Cli;

/// <summary>
/// SIGINT and SIGTERM for the terminal verbs: the first one cancels the verb's token (the run is saved after every
/// step, so stopping between steps loses nothing) and starts a deadline; a verb still running when it passes is
/// ended with the signal's exit code, so the process always stops within <see cref="Deadline"/>.
/// </summary>
public sealed class TerminalSignals : IDisposable
{
    /// <summary>How long a verb may take to wind down after a signal before the process is ended.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(4);

    private readonly CancellationTokenSource _cancel = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly TextWriter _status;
    private Timer? _deadline;
    private int _signal;

    /// <summary>Listens for SIGINT and SIGTERM; <paramref name="status"/> gets the line printed when the deadline ends the process.</summary>
    public TerminalSignals(TextWriter status)
    {
        _status = status;
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
    }

    /// <summary>Cancelled on the first signal.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>True once a signal arrived.</summary>
    public bool Received => Volatile.Read(ref _signal) != 0;

    /// <summary>The conventional exit code for the signal received: 130 for SIGINT, 143 for SIGTERM (0 when none).</summary>
    public int ExitCode => Volatile.Read(ref _signal) switch { 2 => 130, 15 => 143, _ => 0 };

    /// <summary>The signal's name, for messages.</summary>
    public string Name => Volatile.Read(ref _signal) == 15 ? "SIGTERM" : "SIGINT";

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // we stop ourselves, after the run is saved
        if (Interlocked.CompareExchange(ref _signal, context.Signal == PosixSignal.SIGTERM ? 15 : 2, 0) != 0) return;
        _deadline = new Timer(_ =>
        {
            try { _status.WriteLine($"Stopped by {Name}. Every finished step is saved; `runs list` shows the run and `hunt --resume <id>` continues it."); _status.Flush(); }
            catch (IOException) { } // the terminal may be gone; exiting matters more
            Environment.Exit(ExitCode);
        }, null, Deadline, Timeout.InfiniteTimeSpan);
        _cancel.Cancel();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _deadline?.Dispose();
        _cancel.Dispose();
    }
}
