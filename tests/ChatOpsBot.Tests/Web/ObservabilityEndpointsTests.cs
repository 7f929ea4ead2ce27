using System.Globalization;
using System.Text.RegularExpressions;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Tests.Support;
using ChatOpsBot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Tests.Web;

/// <summary>The real web host on loopback with the bundled samples: liveness and the Prometheus endpoint after a run.</summary>
[Collection(nameof(ObservabilityEndpointsTests))]
[CollectionDefinition(nameof(ObservabilityEndpointsTests), DisableParallelization = true)]
public sealed class ObservabilityEndpointsTests
{
    private static readonly string Samples = Path.Combine(RepositoryRoot.Path, "samples");

    [Fact]
    public async Task HealthzLive_Returns200()
    {
        using var dir = new TempDirectory();
        await using var app = await StartAsync(dir);
        using var http = Client(app);

        var response = await http.GetAsync(new Uri("/healthz/live", UriKind.Relative));

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Metrics_AfterAnAutomaticRun_ExposesPlaybookConnectorAndScanInstruments()
    {
        using var dir = new TempDirectory();
        await using var app = await StartAsync(dir);
        var run = await DriveRunAsync(app.Services);
        Assert.Equal(RunState.Resolved, run.State);
        using var http = Client(app);

        var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE chatopsbot_runs_resolved_total counter", body, StringComparison.Ordinal);
        Assert.Equal(1, Sample(body, "chatopsbot_runs_started_total", "channel=\"web-test\""));
        Assert.Equal(1, Sample(body, "chatopsbot_runs_resolved_total", "channel=\"web-test\""));
        Assert.True(Sample(body, "chatopsbot_prompt_wait_duration_seconds_count") > 0, body);
        Assert.True(Sample(body, "chatopsbot_siem_local_records_total") > 0, body);
        Assert.True(Sample(body, "chatopsbot_siem_local_bytes_total") > 0, body);
        Assert.True(Sample(body, "chatopsbot_siem_local_scan_duration_seconds_count") > 0, body);
        Assert.True(Sample(body, "chatopsbot_connector_call_duration_seconds_count", "port=\"siem\"", "outcome=\"success\"") > 0, body);
        Assert.Equal(0, Sample(body, "chatopsbot_runs_open", "state=\"AwaitingAnswer\""));
    }

    [Fact]
    public async Task Metrics_WhenDisabled_IsNotFound()
    {
        using var dir = new TempDirectory();
        await using var app = await StartAsync(dir, new() { ["Observability:Metrics:Enabled"] = "false" });
        using var http = Client(app);

        var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(404, (int)response.StatusCode);
    }

    private static async Task<PlaybookRun> DriveRunAsync(IServiceProvider services)
    {
        var engine = services.GetRequiredService<PlaybookEngine>();
        var auto = services.GetRequiredService<AutoAnalyst>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var end = DateTimeOffset.Parse("2026-11-28T00:00:00Z", CultureInfo.InvariantCulture);
        var run = await engine.StartAsync(new RunSettings { Channel = "web-test", StartedBy = "test", WindowFrom = end.AddDays(-1), WindowTo = end }, timeout.Token);
        run = await engine.AdvanceAsync(run.Id, timeout.Token);
        while (run.Prompt is { } prompt && run.State == RunState.AwaitingAnswer)
        {
            await auto.AnswerAsync(prompt, timeout.Token);
            run = await engine.AdvanceAsync(run.Id, timeout.Token);
        }
        return run;
    }

    // Sums the samples of a metric whose labels contain every one of labelParts.
    private static double Sample(string body, string metric, params string[] labelParts)
    {
        var total = 0d;
        foreach (Match m in Regex.Matches(body, $@"^{Regex.Escape(metric)}(?:\{{(?<labels>[^}}]*)\}})? (?<value>\S+)", RegexOptions.Multiline))
            if (labelParts.All(p => m.Groups["labels"].Value.Contains(p, StringComparison.Ordinal)))
                total += double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
        return total;
    }

    private static async Task<WebApplication> StartAsync(TempDirectory dir, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(dir.Path, "bot.db")}",
            ["Playbook:Feed"] = Path.Combine(Samples, "feed", "c2-ipmasterlist.txt"),
            ["LocalLogs:Paths:0"] = Path.Combine(Samples, "logs"),
            ["Intel:OfflineFile"] = Path.Combine(Samples, "intel", "otx-pulses.json"),
            ["Mailboxes:Directory"] = Path.Combine(Samples, "mailboxes"),
            ["Assets:File"] = Path.Combine(Samples, "assets", "inventory.csv"),
            ["ShiftLog:File"] = Path.Combine(dir.Path, "shift-log.md"),
            ["Logging:Format"] = "Json",
        };
        foreach (var (key, value) in extra ?? []) settings[key] = value;
        var app = WebHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await app.StartAsync();
        return app;
    }

    private static HttpClient Client(WebApplication app)
    {
        var address = app.Urls.First();
        return new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
    }
}
