using System.Net;
using ChatOpsBot.Core.Intel;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Connectors.IntelCache;

/// <summary>
/// One provider's intel behind the verdict cache (<see cref="IIntelCache"/>, in the bot's database, shared by
/// replicas): a fresh stored answer is returned without asking the provider, marked with when it was fetched; any
/// other lookup asks the provider and stores the answer. Failures are never stored. A scope with
/// <see cref="IntelScope.BypassCache"/> always asks, and still stores. A cache that cannot be read or written is
/// logged and stepped around: it never fails a lookup.
/// </summary>
public sealed class CachedThreatIntel : IThreatIntel
{
    private readonly IThreatIntel _inner;
    private readonly string _provider;
    private readonly IIntelCache _cache;
    private readonly IntelCacheOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly bool _bypass;

    public CachedThreatIntel(IThreatIntel inner, string provider, IIntelCache cache, IntelCacheOptions options, TimeProvider clock, ILogger<CachedThreatIntel> logger)
        : this(inner, provider, cache, options, clock, logger, bypass: false)
    {
    }

    private CachedThreatIntel(IThreatIntel inner, string provider, IIntelCache cache, IntelCacheOptions options, TimeProvider clock, ILogger logger, bool bypass)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _provider = provider;
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _bypass = bypass;
    }

    public IThreatIntel For(IntelScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return new CachedThreatIntel(_inner.For(scope), _provider, _cache, _options, _clock, _logger, scope.BypassCache);
    }

    public async Task<IpIntel> LookupIpAsync(IPAddress ip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ip);
        var key = (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString();
        if (await FreshAsync(IndicatorKind.Ip, key, cancellationToken).ConfigureAwait(false) is { } hit)
            return new IpIntel(hit.Verdict, hit.Pulses, hit.Source) { Detail = hit.Detail, CachedAt = hit.FetchedAt };
        var answer = await _inner.LookupIpAsync(ip, cancellationToken).ConfigureAwait(false);
        await StoreAsync(IndicatorKind.Ip, key, answer.Verdict, answer.Source, answer.Detail, answer.Pulses, [], cancellationToken).ConfigureAwait(false);
        return answer;
    }

    public async Task<IReadOnlyList<IPAddress>> GetPulseIpv4IndicatorsAsync(string pulseId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pulseId);
        var key = pulseId.Trim();
        if (await FreshAsync(IndicatorKind.PulseIndicators, key, cancellationToken).ConfigureAwait(false) is { } hit)
            return hit.Addresses.Select(IPAddress.Parse).ToList();
        var answer = await _inner.GetPulseIpv4IndicatorsAsync(pulseId, cancellationToken).ConfigureAwait(false);
        await StoreAsync(IndicatorKind.PulseIndicators, key, Verdict.Unknown, _provider, "", [], answer.Select(a => a.ToString()).ToList(), cancellationToken)
            .ConfigureAwait(false);
        return answer;
    }

    public Task<IndicatorVerdict> LookupFileHashAsync(string hash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hash);
        return VerdictAsync(IndicatorKind.FileHash, hash.Trim().ToLowerInvariant(), ct => _inner.LookupFileHashAsync(hash, ct), cancellationToken);
    }

    public Task<IndicatorVerdict> LookupUrlAsync(string url, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return VerdictAsync(IndicatorKind.Url, url.Trim(), ct => _inner.LookupUrlAsync(url, ct), cancellationToken);
    }

    private async Task<IndicatorVerdict> VerdictAsync(IndicatorKind kind, string key, Func<CancellationToken, Task<IndicatorVerdict>> ask, CancellationToken cancellationToken)
    {
        if (await FreshAsync(kind, key, cancellationToken).ConfigureAwait(false) is { } hit)
            return new IndicatorVerdict(hit.Verdict, hit.Detail) { CachedAt = hit.FetchedAt };
        var answer = await ask(cancellationToken).ConfigureAwait(false);
        await StoreAsync(kind, key, answer.Verdict, _provider, answer.Detail, [], [], cancellationToken).ConfigureAwait(false);
        return answer;
    }

    private async Task<IntelCacheEntry?> FreshAsync(IndicatorKind kind, string key, CancellationToken cancellationToken)
    {
        if (_bypass || !_options.Enabled) return null;
        IntelCacheEntry? entry;
        try
        {
            entry = await _cache.FindAsync(_provider, kind, key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(e, "Verdict cache unreadable; asking {Provider} for a {Kind}", _provider, kind);
            return null;
        }
        if (entry is null) return null;
        var age = _clock.GetUtcNow() - entry.FetchedAt;
        return age < _options.FreshFor(kind, entry.Verdict) ? entry : null;
    }

    private async Task StoreAsync(IndicatorKind kind, string key, Verdict verdict, string source, string detail,
        IReadOnlyList<PulseRef> pulses, IReadOnlyList<string> addresses, CancellationToken cancellationToken)
    {
        if (!_options.Enabled || _options.FreshFor(kind, verdict) <= TimeSpan.Zero) return;
        try
        {
            await _cache.StoreAsync(new IntelCacheEntry(_provider, kind, key, verdict, source, detail, pulses, addresses, _clock.GetUtcNow()), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(e, "Verdict cache unwritable; the {Provider} answer about a {Kind} is not kept", _provider, kind);
        }
    }
}
