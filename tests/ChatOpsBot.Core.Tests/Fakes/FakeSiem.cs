using System.Net;
using ChatOpsBot.Core.Siem;

namespace ChatOpsBot.Core.Tests.Fakes;

/// <summary>A SIEM over a scripted connection log: a query returns the connections whose remote IP is in its indicators.</summary>
public sealed class FakeSiem : ISiem
{
    private int _failures;

    /// <summary>The connection log.</summary>
    public List<C2Hit> Connections { get; } = [];

    /// <summary>Queries received, in order (failed ones included).</summary>
    public List<SiemQuery> Queries { get; } = [];

    /// <summary>
    /// What a query reports it examined; by default a complete read of the scripted log spanning the whole window.
    /// Tests of coverage gaps replace it.
    /// </summary>
    public Func<SiemQuery, SiemCoverage?> Coverage { get; set; } = q =>
        new SiemCoverage("fake SIEM", 1, 10_000, 10_000, 0, q.From, q.To.AddSeconds(-1), []);

    /// <summary>The next <paramref name="times"/> queries throw, as a SIEM that is down.</summary>
    public void FailNext(int times) => _failures = times;

    public Task<SiemResult> QueryAsync(SiemQuery query, CancellationToken cancellationToken)
    {
        Queries.Add(query);
        if (_failures > 0)
        {
            _failures--;
            throw new HttpRequestException("SIEM unavailable (503).");
        }
        var hits = Connections.Where(c => query.Indicators.Any(n => n.Contains(IPAddress.Parse(c.RemoteIp)))).ToList();
        return Task.FromResult(new SiemResult(hits, 10_000 + Connections.Count) { Coverage = Coverage(query) });
    }
}
