using ChatOpsBot.Composition;
using ChatOpsBot.Terminal;

namespace ChatOpsBot.Cli;

/// <summary>
/// Runs a terminal verb inside a started host; bad configuration, a settings file that is not JSON and a database that
/// cannot be used each become one clear line on stderr and exit code 2.
/// </summary>
public static class TerminalVerb
{
    /// <summary>Exit code for bad configuration or arguments.</summary>
    public const int BadConfiguration = 2;

    /// <summary>Builds and starts the host, migrates the database, runs <paramref name="action"/>.</summary>
    /// <param name="overrides">Configuration from the command line, applied last.</param>
    /// <param name="action">The verb, once the host has started.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <param name="beforeStart">Work to begin in the background before the host starts (it overlaps the database migration).</param>
    /// <param name="huntInputs">Require the files the hunt reads (<see cref="HuntInputs"/>); only <c>hunt</c> does.</param>
    /// <param name="configure">The verb's own services, added to the host's.</param>
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string?> overrides, Func<IServiceProvider, CancellationToken, Task<int>> action,
        CancellationToken cancellationToken, Action<IServiceProvider, CancellationToken>? beforeStart = null, bool huntInputs = false,
        Action<IServiceCollection, IConfiguration>? configure = null)
    {
        IHost host;
        try
        {
            host = TerminalHost.Build(overrides, TerminalConsole.Process(), configure);
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
        beforeStart?.Invoke(host.Services, cancellationToken);
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (StartupFailure.Describe(e) is { } line)
        {
            host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TerminalVerb)).LogDebug(e, "Start failed: {Reason}", line);
            await Console.Error.WriteLineAsync(line).ConfigureAwait(false);
            host.Dispose();
            return BadConfiguration;
        }
        try
        {
            return await action(host.Services, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Interrupted. The run is saved; `runs list` shows it and `hunt --resume <id>` continues it.").ConfigureAwait(false);
            return 130;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            host.Dispose();
        }
    }
}
