using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Terminal;

/// <summary>
/// A terminal session's lease on the run it answers: taken before the first prompt, renewed in the background, given up
/// when the session ends. A second <c>hunt --resume</c> of the same run is refused while it is held; if the holder is
/// killed, its run is taken over at once on the same machine (its pid is gone), elsewhere after <see cref="Expiry"/>.
/// </summary>
public sealed partial class TerminalRunClaim : IAsyncDisposable
{
    /// <summary>Exit code when the run is being answered by another process.</summary>
    public const int Busy = 6;

    /// <summary>How long a lease lives without renewal. The holder renews it every third of that.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);

    private readonly IRunLeases _leases;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    // Who, where and which process, for the refusal shown to the other session; the tag tells two sessions of one process apart.
    private readonly string _holder = string.Create(CultureInfo.InvariantCulture,
        $"{Environment.UserName}@{Environment.MachineName} pid {Environment.ProcessId} #{Guid.NewGuid().ToString("N")[..8]}");
    private readonly CancellationTokenSource _stop = new();
    private string? _runId;
    private Task? _renewal;

    internal TerminalRunClaim(IRunLeases leases, TimeProvider clock, ILogger logger) => (_leases, _clock, _logger) = (leases, clock, logger);

    /// <summary>Why the last <see cref="TryTakeAsync"/> failed, for the user; null when it succeeded.</summary>
    public string? Refusal { get; private set; }

    /// <summary>Takes <paramref name="runId"/>; false (with <see cref="Refusal"/>) when another process answers it.</summary>
    public async Task<bool> TryTakeAsync(string runId, CancellationToken cancellationToken)
    {
        var lease = await _leases.TryAcquireAsync(runId, _holder, Expiry, cancellationToken).ConfigureAwait(false);
        if (!lease.Acquired && IsGoneFromThisMachine(lease.Holder)
            && await _leases.TakeOverAsync(runId, _holder, lease.Holder, cancellationToken).ConfigureAwait(false))
        {
            lease = lease with { Acquired = true, Holder = _holder };
        }
        if (!lease.Acquired)
        {
            var holder = lease.Holder.Split(" #", 2)[0];
            Refusal = $"Run {runId} is being answered elsewhere (by {holder}, active {lease.Since.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC). "
                + $"Answer it there; if that session is gone, resume again in {Expiry.TotalSeconds:0} s.";
            return false;
        }
        Refusal = null;
        _runId = runId;
        _renewal = RenewAsync(runId, _stop.Token);
        return true;
    }

    // A session killed on this machine (kill -9, a closed terminal) need not hold its run for the whole expiry: its pid is gone.
    private static bool IsGoneFromThisMachine(string holder)
    {
        var match = HolderPattern().Match(holder);
        if (!match.Success || !string.Equals(match.Groups["machine"].Value, Environment.MachineName, StringComparison.Ordinal)) return false;
        try
        {
            using var process = Process.GetProcessById(int.Parse(match.Groups["pid"].Value, CultureInfo.InvariantCulture));
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no process with that id
        }
    }

    [GeneratedRegex(@"^[^@]*@(?<machine>\S+) pid (?<pid>\d+) #")]
    private static partial Regex HolderPattern();

    /// <summary>Stops renewing and gives the run up.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_renewal is not null) await _renewal.ConfigureAwait(false);
        if (_runId is not null)
        {
            try
            {
                await _leases.ReleaseAsync(_runId, _holder, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The lease lapses by itself; a failed release must not hide the session's own outcome.
                LogReleaseFailed(_logger, e, _runId);
            }
        }
        _stop.Dispose();
    }

    private async Task RenewAsync(string runId, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Expiry / 3, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!await _leases.RenewAsync(runId, _holder, cancellationToken).ConfigureAwait(false)) LogLost(_logger, runId);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogRenewalFailed(_logger, e, runId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the lease on run {RunId}: it lapsed and another session may answer it")]
    private static partial void LogLost(ILogger logger, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lease on run {RunId}; it lapses unless renewed")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception, string runId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not release the lease on run {RunId}; it lapses by itself")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string runId);
}
