using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Connectors.Tests.TestSupport;

namespace ChatOpsBot.Connectors.Tests.Intel;

/// <summary>
/// VirusTotal API v3 on loopback that enforces a key's quota strictly, as a sliding window over the times requests
/// arrive, measured on the clock the bot paces itself by: a request is refused with 429 QuotaExceededError when
/// <see cref="Limit"/> accepted requests arrived within the <see cref="Window"/> before it (an arrival exactly one
/// window earlier no longer counts). Each request takes <see cref="Latency"/> to arrive and its answer as long
/// again to go back, on that same clock. Every IP is answered (harmless, unless listed malicious); refusals do not
/// count against the quota.
/// </summary>
public sealed class StrictQuotaVirusTotal : IDisposable
{
    public const string ApiKey = "vt-quota-key-0123456789abcdef";

    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _window = new();
    private readonly List<Arrival> _arrivals = [];
    private readonly HashSet<string> _malicious;
    private int _received;
    private int _onTheClock;

    public StrictQuotaVirusTotal(TimeProvider clock, int limit = 4, TimeSpan? window = null, Func<int, TimeSpan>? latency = null, IEnumerable<string>? malicious = null)
    {
        _clock = clock;
        Limit = limit;
        Window = window ?? TimeSpan.FromMinutes(1);
        Latency = latency ?? (_ => TimeSpan.FromMilliseconds(200));
        _malicious = [.. malicious ?? []];
        Server = new FakeApiServer(HandleAsync);
    }

    public int Limit { get; }

    public TimeSpan Window { get; }

    /// <summary>Latency of each way of the n-th request (0-based, in the order requests reached the server).</summary>
    public Func<int, TimeSpan> Latency { get; }

    public FakeApiServer Server { get; }

    public Uri ApiRoot => new(Server.BaseAddress, "api/v3/");

    /// <summary>Every request that arrived, in arrival order.</summary>
    public IReadOnlyList<Arrival> Arrivals
    {
        get { lock (_gate) return [.. _arrivals]; }
    }

    /// <summary>
    /// Requests received whose arrival (after their latency) is still to come. A request counts once its latency is
    /// on the clock, so a test that sees it here and then advances the clock moves it on.
    /// </summary>
    public int InTransit => Volatile.Read(ref _onTheClock) - Arrivals.Count;

    public int Refused => Arrivals.Count(a => !a.Accepted);

    public void Dispose() => Server.Dispose();

    private async Task HandleAsync(RecordedRequest request, HttpListenerResponse response, CancellationToken stopping)
    {
        // Each delay is put on the clock before the request shows as in transit or arrived: a test that waits for
        // that and then advances the clock must find the timer there, or the request would lag a step behind.
        var latency = Latency(Interlocked.Increment(ref _received) - 1);
        var there = Task.Delay(latency, _clock, stopping);
        Interlocked.Increment(ref _onTheClock);
        await there;
        var now = _clock.GetUtcNow();
        bool accepted;
        Task back;
        lock (_gate)
        {
            while (_window.Count > 0 && _window.Peek() <= now - Window) _window.Dequeue();
            accepted = _window.Count < Limit;
            if (accepted) _window.Enqueue(now);
            back = Task.Delay(latency, _clock, stopping);
            _arrivals.Add(new Arrival(now, request.Path, accepted));
        }
        await back;
        if (request.Header("x-apikey") != ApiKey)
        {
            await FakeApiServer.Json(response, """{"error":{"code":"WrongCredentialsError","message":"Wrong API key"}}""", 401);
            return;
        }
        if (!accepted)
        {
            await FakeApiServer.Json(response, """{"error":{"code":"QuotaExceededError","message":"Quota exceeded"}}""", 429);
            return;
        }
        var ip = Uri.UnescapeDataString(request.Path.Split('/').Last());
        var malicious = _malicious.Contains(ip) ? 40 : 0;
        await FakeApiServer.Json(response, new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["id"] = ip,
                ["type"] = "ip_address",
                ["attributes"] = new JsonObject
                {
                    ["last_analysis_stats"] = new JsonObject { ["malicious"] = malicious, ["suspicious"] = 0, ["harmless"] = 70 - malicious, ["undetected"] = 0 },
                },
            },
        }.ToJsonString());
    }

    /// <summary>A request as the server counted it.</summary>
    public sealed record Arrival(DateTimeOffset At, string Path, bool Accepted);
}
