namespace ChatOpsBot.Connectors.Pacing;

/// <summary>A request's slot in a provider's quota; disposing it records when the response came back.</summary>
public sealed class QuotaSlot : IAsyncDisposable
{
    private readonly QuotaPacer _pacer;
    private int _disposed;

    internal QuotaSlot(QuotaPacer pacer, long grant)
    {
        _pacer = pacer;
        Grant = grant;
    }

    /// <summary>The ledger's id of the slot.</summary>
    public long Grant { get; }

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _disposed, 1) == 0 ? _pacer.CompleteAsync(Grant) : ValueTask.CompletedTask;
}
