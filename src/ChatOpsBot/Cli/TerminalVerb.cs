using ChatOpsBot.Composition;
using ChatOpsBot.Terminal;

namespace ChatOpsBot.Cli;

/// <summary>Runs a terminal verb inside a started host; bad configuration becomes one clear line on stderr and exit code 2.</summary>
public static class TerminalVerb
{
    /// <summary>Exit code for bad configuration or arguments.</summary>
    public const int BadConfiguration = 2;

    /// <summary>Builds and starts the host, migrates the database, runs <paramref name="action"/>.</summary>
    /// <param name="overrides">Configuration from the command line, applied last.</param>
    /// <param name="action">The verb, once the host has started.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <param name="beforeStart">Work to begin in the background before the host starts (it overlaps the database migration).</param>
    /// <param name="services">Registrations only this verb needs.</param>
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string?> overrides, Func<IServiceProvider, CancellationToken, Task<int>> action,
        CancellationToken cancellationToken, Action<IServiceProvider, CancellationToken>? beforeStart = null,
        Action<IServiceCollection, IConfiguration>? services = null)
    {
        IHost host;
        try
        {
            host = TerminalHost.Build(overrides, TerminalConsole.Process(), services);
        }
        catch (BadConfigurationException e)
        {
            await Console.Error.WriteLineAsync($"Configuration error: {e.Message}").ConfigureAwait(false);
            return BadConfiguration;
        }
        if (StartupConfigurationCheck.Problems(host.Services) is { } problems)
        {
            await Console.Error.WriteLineAsync(problems).ConfigureAwait(false);
            host.Dispose();
            return BadConfiguration;
        }
        beforeStart?.Invoke(host.Services, cancellationToken);
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
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
