using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Connectors.VirusTotal;
using ChatOpsBot.Core.Intel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Connectors.Tests.Intel;

/// <summary>
/// The fifth lookup on a 4-a-minute key, step by step on a manual clock shared with a server that enforces the quota
/// strictly. The first four requests are slow to arrive (400 ms each way) and the fifth is fast (50 ms): counting a
/// minute from when each request was sent, as the old pacer did, lets the fifth arrive 59.65 s after the fourth and
/// draws a 429. Counting from each response plus the margin holds at the exact boundary.
/// </summary>
public sealed class VirusTotalQuotaBoundaryTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(50);

    private readonly FakeTimeProvider _clock = new(T0);
    private readonly StrictQuotaVirusTotal _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ServiceProvider> _services = [];

    public VirusTotalQuotaBoundaryTests()
    {
        _server = new StrictQuotaVirusTotal(_clock, latency: n => n < 4 ? Slow : Fast);
    }

    public void Dispose()
    {
        // A failed test leaves lookups waiting on the manual clock: cancel them and stop the server first, since the
        // HTTP pipeline's disposal waits for requests in flight.
        _stop.Cancel();
        _server.Dispose();
        foreach (var services in _services) services.Dispose();
        _stop.Dispose();
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:02")]
    public async Task FifthLookup_GoesExactlyAWindowPlusMarginAfterTheResponse_AndTheStrictServerTakesIt(string margin)
    {
        var services = Services(margin);
        var waits = new ConcurrentQueue<IntelQuotaWait>();
        var intel = services.GetRequiredService<IThreatIntel>().For(new IntelScope
        {
            QuotaWaits = (wait, _) => { waits.Enqueue(wait); return Task.CompletedTask; },
        });

        // Four lookups take the minute's four slots at T0; the fifth waits for the quota.
        var first = Enumerable.Range(1, 4).Select(i => intel.LookupIpAsync(IPAddress.Parse($"198.51.100.{i}"), _stop.Token)).ToList();
        await FakeApiServer.Eventually(() => _server.InTransit == 4, "the first four requests reach the server");
        var fifth = intel.LookupIpAsync(IPAddress.Parse("198.51.100.5"), _stop.Token);
        _clock.Advance(Slow);
        await FakeApiServer.Eventually(() => _server.Arrivals.Count == 4, "the first four arrive");
        _clock.Advance(Slow);
        await Task.WhenAll(first).WaitAsync(TimeSpan.FromSeconds(10));
        var answered = T0 + Slow + Slow;

        // While the four were in flight the fifth could only know a lower bound (a window from now); once it wakes
        // there, it knows when it may go: one window plus the margin after the responses came back.
        var span = TimeSpan.FromMinutes(1) + TimeSpan.Parse(margin, CultureInfo.InvariantCulture);
        await FakeApiServer.Eventually(() => waits.Any(w => w.Until == T0 + span), "the fifth lookup reports a first wait");
        _clock.Advance(T0 + span - _clock.GetUtcNow());
        var boundary = answered + span;
        await FakeApiServer.Eventually(() => waits.Any(w => w.Until == boundary), "the fifth lookup reports its wait until the boundary");
        Assert.All(waits, w => Assert.Equal("VirusTotal", w.Provider));

        // Not a tick before it.
        _clock.Advance(boundary - _clock.GetUtcNow() - TimeSpan.FromTicks(1));
        await Task.Delay(200);
        Assert.Equal(4, _server.Server.Requests.Count);

        // At it, the request goes, arrives and is accepted: the server counts nothing of the first four any more.
        _clock.Advance(TimeSpan.FromTicks(1));
        await FakeApiServer.Eventually(() => _server.InTransit == 1, "the fifth request is sent at the boundary");
        _clock.Advance(Fast);
        await FakeApiServer.Eventually(() => _server.Arrivals.Count == 5, "the fifth arrives");
        _clock.Advance(Fast);
        var answer = await fifth.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Verdict.Harmless, answer.Verdict);
        Assert.Equal(0, _server.Refused);
        var arrivals = _server.Arrivals;
        Assert.Equal(boundary + Fast, arrivals[4].At);
        Assert.True(arrivals[4].At - arrivals.Take(4).Max(a => a.At) >= TimeSpan.FromMinutes(1), "the fifth arrived within a minute of an earlier one");
    }

    private ServiceProvider Services(string margin)
    {
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(_clock)
            .AddVirusTotalIntel(TestConfiguration.From(
                ("VirusTotal:BaseUrl", _server.ApiRoot.ToString()), ("VirusTotal:ApiKey", StrictQuotaVirusTotal.ApiKey),
                ("VirusTotal:RequestsPerMinute", "4"), ("VirusTotal:QuotaMargin", margin), ("VirusTotal:MaxConcurrency", "8"),
                // No retry: a 429 here must fail the test, not be retried away.
                ("VirusTotal:Http:MaxRetryAttempts", "0"), ("VirusTotal:Http:AttemptTimeout", "00:10:00"), ("VirusTotal:Http:TotalTimeout", "00:20:00")))
            .BuildServiceProvider();
        _services.Add(services);
        return services;
    }
}
