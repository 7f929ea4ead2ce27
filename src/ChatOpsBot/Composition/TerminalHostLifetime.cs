namespace ChatOpsBot.Composition;

/// <summary>
/// The terminal host's lifetime: it leaves SIGINT and SIGTERM to <see cref="Cli.TerminalSignals"/>. The default console
/// lifetime takes them to stop the host and then waits for the verb, which did not know about it: a hunt stuck
/// retrying ignored both signals.
/// </summary>
internal sealed class TerminalHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
