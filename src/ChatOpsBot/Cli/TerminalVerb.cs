using ChatOpsBot.Composition;
using ChatOpsBot.Terminal;

namespace ChatOpsBot.Cli;

/// <summary>
/// Runs a terminal verb inside a started host; bad configuration, a settings file that is not JSON and a database that
/// cannot be used each become one clear line on stderr and exit code 2. SIGINT and SIGTERM end every verb within 5 s.
/// </summary>
public static class TerminalVerb
{
    /// <summary>Exit code for bad configuration or arguments.</summary>
    public const int BadConfiguration = 2;

    /// <summary>Exit code after an interruption (Ctrl+C), as shells report SIGINT.</summary>
    public const int Interrupted = 130;

    /// <summary>Builds and starts the host, migrates the database, runs <paramref name="action"/>.</summary>
    /// <param name="overrides">Configuration from the command line, applied last.</param>
    /// <param name="action">The verb, once the host has started.</param>
    /// <param name="cancellationToken">Cancels the verb (SIGINT and SIGTERM also do, through <see cref="TerminalSignals"/>).</param>
    /// <param name="beforeStart">Work to begin in the background before the host starts (it overlaps the database migration).</param>
    /// <param name="huntInputs">Require the files the hunt reads (<see cref="HuntInputs"/>); only <c>hunt</c> does.</param>
    /// <param name="configure">The verb's own services, added to the host's.</param>
    /// <param name="console">The console the verb talks through (default: the process's stdin/stdout).</param>
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string?> overrides, Func<IServiceProvider, CancellationToken, Task<int>> action,
        CancellationToken cancellationToken, Action<IServiceProvider, CancellationToken>? beforeStart = null, bool huntInputs = false,
        Action<IServiceCollection, IConfiguration>? configure = null, TerminalConsole? console = null)
    {
        using var signals = new TerminalSignals(Console.Error);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, signals.Token);
        var token = linked.Token;
        IHost host;
        try
        {
            host = TerminalHost.Build(overrides, console ?? TerminalConsole.Process(), configure);
        }
        catch (Exception e) when (StartupFailure.Describe(e) is { } line)
        {
            await Console.Error.WriteLineAsync(line).ConfigureAwait(false);
            return BadConfiguration;
        }
        if ((StartupConfigurationCheck.Problems(host.Services) ?? (huntInputs ? HuntInputs.Problems(host.Services) : null)) is { } problems)
        {
            await Console.Error.WriteLineAsync(problems).ConfigureAwait(false);
            host.Dispose();
            return BadConfiguration;
        }
        try
        {
            beforeStart?.Invoke(host.Services, token);
            try
            {
                await host.StartAsync(token).ConfigureAwait(false);
            }
            catch (Exception e) when (StartupFailure.Describe(e) is { } line)
            {
                host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TerminalVerb)).LogDebug(e, "Start failed: {Reason}", line);
                await Console.Error.WriteLineAsync(line).ConfigureAwait(false);
                return BadConfiguration;
            }
            var code = await action(host.Services, token).ConfigureAwait(false);
            return signals.Received ? signals.ExitCode : code;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Interrupted. Every finished step is saved; `runs list` shows the run and `hunt --resume <id>` continues it.").ConfigureAwait(false);
            return signals.Received ? signals.ExitCode : Interrupted;
        }
        finally
        {
            // Bounded: a stop that hangs (a connector that ignores cancellation) must not keep the process past its signal.
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try { await host.StopAsync(stopping.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) { }
            host.Dispose();
        }
    }
}
