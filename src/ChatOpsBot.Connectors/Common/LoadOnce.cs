namespace ChatOpsBot.Connectors.Common;

/// <summary>
/// Runs an async load the first time it is needed and shares the result. Unlike <see cref="Lazy{T}"/>, a failed or
/// cancelled load is not cached: the next caller tries again (the file may have been fixed meanwhile).
/// </summary>
internal sealed class LoadOnce<T>(Func<CancellationToken, Task<T>> load) : IDisposable
    where T : class
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile T? _value;

    public async Task<T> GetAsync(CancellationToken cancellationToken)
    {
        if (_value is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _value ??= await load(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
