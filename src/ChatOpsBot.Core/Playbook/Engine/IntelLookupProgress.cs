using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Intel;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>
/// Counts a step's intel lookups and, when they wait for a provider's quota, shows how far they are and how long the
/// wait is ("intel: 12 of 50 IPs, next batch in 45 s") on the run's status message and the terminal.
/// </summary>
public sealed class IntelLookupProgress : IDisposable
{
    private readonly SectionContext _context;
    private readonly PlaybookSection _section;
    private readonly Func<int, string> _describe;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _done;
    private DateTimeOffset _shownUntil = DateTimeOffset.MinValue;

    /// <summary>Creates the counter.</summary>
    /// <param name="context">The step's context.</param>
    /// <param name="section">The section that looks up.</param>
    /// <param name="done">Lookups already done before this step.</param>
    /// <param name="describe">How far the step is, from the count done, e.g. <c>n => $"{n} of 50 IPs"</c>.</param>
    public IntelLookupProgress(SectionContext context, PlaybookSection section, int done, Func<int, string> describe)
    {
        _context = context;
        _section = section;
        _done = done;
        _describe = describe;
        Intel = context.IntelWith(ShowWaitAsync);
    }

    /// <summary>The run's intel, reporting its quota waits here.</summary>
    public IThreatIntel Intel { get; }

    /// <summary>Lookups done so far.</summary>
    public int Done => Volatile.Read(ref _done);

    /// <summary>Counts one more lookup done.</summary>
    public void Completed() => Interlocked.Increment(ref _done);

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task ShowWaitAsync(IntelQuotaWait wait, CancellationToken cancellationToken)
    {
        // Parallel lookups queue behind the same quota and report the same wait: one message per wait is enough. One
        // at a time, too: a channel is not asked to deliver two messages at once.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (wait.Until <= _shownUntil) return;
            _shownUntil = wait.Until;
            var title = $"intel: {_describe(Done)}, next batch in {ElapsedText.Format(wait.Until - _context.Now)}";
            await _context.ShowProgressAsync(_section, $"intel-wait:{wait.Provider}:{wait.Until.ToUnixTimeMilliseconds()}", title,
                $"Waiting for {wait.Provider}'s quota ({wait.Quota}).", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
