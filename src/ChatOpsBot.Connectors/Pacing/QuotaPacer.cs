using ChatOpsBot.Core.Intel;
using ChatOpsBot.Core.Quotas;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Connectors.Pacing;

/// <summary>
/// Paces one provider's requests within its key's quota (see <see cref="QuotaRule"/>), across every replica: slots are
/// taken from the shared <see cref="IQuotaLedger"/> (the bot's database), so replicas together stay within one quota.
/// Every HTTP attempt takes a slot, retries included (<see cref="PacingHandler"/> sits inside the retry loop). When
/// a request must wait, the caller's observer is told until when; when the daily quota is used up, the request fails
/// at once with <see cref="IntelQuotaExhaustedException"/>. Time comes from the <see cref="TimeProvider"/>, so tests
/// move a clock instead of waiting minutes.
/// </summary>
public sealed class QuotaPacer : IDisposable
{
    /// <summary>The request option that carries the caller's quota-wait observer to the pacer.</summary>
    public static readonly HttpRequestOptionsKey<Func<IntelQuotaWait, CancellationToken, Task>> WaitObserver = new("ChatOpsBot.QuotaWaitObserver");

    private readonly IQuotaLedger _ledger;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _inFlight;

    public QuotaPacer(QuotaSettings settings, IQuotaLedger ledger, TimeProvider clock, ILogger<QuotaPacer> logger)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _inFlight = new SemaphoreSlim(settings.MaxConcurrency, settings.MaxConcurrency);
    }

    /// <summary>The quota this pacer keeps to.</summary>
    public QuotaSettings Settings { get; }

    /// <summary>
    /// Returns once one more request may go (the slot is taken), after telling <paramref name="observer"/> of any wait.
    /// Dispose the slot when the response (or the failure) is in.
    /// </summary>
    /// <exception cref="IntelQuotaExhaustedException">The daily quota is used up.</exception>
    public async Task<QuotaSlot> AcquireAsync(Func<IntelQuotaWait, CancellationToken, Task>? observer, CancellationToken cancellationToken)
    {
        await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var check = QuotaCheck.Go;
                var id = await _ledger.TryTakeAsync(Settings.Provider, QuotaRule.Since(Settings, _clock.GetUtcNow()), (grants, now) =>
                {
                    check = QuotaRule.Check(Settings, grants, now);
                    return check.MayGo;
                }, cancellationToken).ConfigureAwait(false);
                if (id is { } grant) return new QuotaSlot(this, grant);
                if (check.Exhausted) throw new IntelQuotaExhaustedException(Settings.Provider, check.Quota, check.Until);
                _logger.LogInformation("{Provider}: waiting until {Until:HH:mm:ss.fff} for the quota ({Quota})", Settings.Provider, check.Until, check.Quota);
                if (observer is not null)
                    await observer(new IntelQuotaWait(Settings.Provider, check.Until, check.Quota), cancellationToken).ConfigureAwait(false);
                // Whole milliseconds, rounded up: timers do not wait less than one, and a shorter wait would only wake
                // to find the slot not yet free and wait again.
                var wait = check.Until - _clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), _clock, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            _inFlight.Release();
            throw;
        }
    }

    public void Dispose() => _inFlight.Dispose();

    /// <summary>Records the slot's response time (it frees a window after it) and lets the next request of this process go.</summary>
    internal async ValueTask CompleteAsync(long grant)
    {
        try
        {
            // Not the caller's token: a cancelled request was still sent, and its slot must end where it really did.
            await _ledger.CompleteAsync(grant, _clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The slot then counts as in flight until its lease ends: slower, never over the quota.
            _logger.LogWarning(e, "{Provider}: could not record the end of quota slot {Grant}", Settings.Provider, grant);
        }
        finally
        {
            _inFlight.Release();
        }
    }
}
