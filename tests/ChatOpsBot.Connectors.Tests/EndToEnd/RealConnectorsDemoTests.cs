using System.Collections.Concurrent;
using System.Text.Json;
using ChatOpsBot.Connectors.Assets;
using ChatOpsBot.Connectors.CombinedIntel;
using ChatOpsBot.Connectors.Exports;
using ChatOpsBot.Connectors.Feeds;
using ChatOpsBot.Connectors.Imap;
using ChatOpsBot.Connectors.LocalLogs;
using ChatOpsBot.Connectors.Mailboxes;
using ChatOpsBot.Connectors.OfflineIntel;
using ChatOpsBot.Connectors.ShiftLogs;
using ChatOpsBot.Connectors.Splunk;
using ChatOpsBot.Connectors.Tests.Imap;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Connectors.Tests.TheHive;
using ChatOpsBot.Connectors.TheHive;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Reports;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Ticketing;
using MailKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ChatOpsBot.Connectors.Tests.EndToEnd;

/// <summary>
/// The whole demo playbook, answered by the auto-analyst, run twice on the bundled samples: once on the embedded
/// defaults (local conn.log, offline OTX export, .eml folders, in-memory ticketing) and once on the real connectors —
/// Splunk, OTX + VirusTotal, TheHive (loopback fakes that answer from the same sample files) and IMAP (a real Dovecot
/// holding the sample mails). Both runs must tell the same story.
/// </summary>
public sealed class RealConnectorsDemoTests(DovecotServer dovecot) : IClassFixture<DovecotServer>, IDisposable
{
    private const string EmotetPulse = "674a1c2e9b3f4d0012a7c5e1";
    private const string InvoiceSha256 = "ef00138257d96b553118b67a731e5c46dbe85244a942e6cdae8be93726a734fb";
    private const string LureUrl = "https://docs-secure-view.example.net/inv/2026-11/view.php?id=7731";
    private static readonly string[] MailUsers = ["jdoe", "asmith", "bwayne"];

    private readonly string _samples = FindSamples();
    private readonly TempDirectory _temp = new();
    private readonly List<IDisposable> _disposables = [];

    public void Dispose()
    {
        foreach (var d in Enumerable.Reverse(_disposables)) d.Dispose();
        _temp.Dispose();
    }

    [DovecotFact]
    public async Task DemoPlaybook_RealConnectorsOnLoopback_ReportMatchesTheEmbeddedRun()
    {
        var splunk = Keep(new FakeSplunk(Path.Combine(_samples, "logs", "conn.log")));
        var otx = Keep(new FakeOtx(Path.Combine(_samples, "intel", "otx-pulses.json")));
        var virusTotal = Keep(new FakeVirusTotal(["185.220.101.47", "45.137.21.9"], [InvoiceSha256], [LureUrl]));
        var hive = Keep(new FakeTheHive());
        var delivered = await DeliverSampleMailsAsync();

        var embeddedTicketing = new MemoryTicketing();
        var embedded = await RunDemoAsync(Configuration(), (services, config) => services
            .AddLocalLogSiem(config)
            .AddOfflineIntel(config)
            .AddSingleton<ITicketing>(embeddedTicketing));
        (string Key, string? Value)[] connectors =
        [
            ("Splunk:BaseUrl", splunk.Server.BaseAddress.ToString()), ("Splunk:Token", FakeSplunk.Token), ("Splunk:PollInterval", "00:00:00.010"),
            ("Splunk:BatchSize", "10"), ("Splunk:PageSize", "2"), .. FastHttp.For("Splunk"),
            ("Otx:BaseUrl", otx.Server.BaseAddress.ToString()), ("Otx:ApiKey", FakeOtx.ApiKey), ("Otx:PageSize", "4"), .. FastHttp.For("Otx"),
            ("VirusTotal:BaseUrl", virusTotal.ApiRoot.ToString()), ("VirusTotal:ApiKey", FakeVirusTotal.ApiKey), ("VirusTotal:RequestsPerMinute", "10000"),
            .. FastHttp.For("VirusTotal"),
            ("TheHive:BaseUrl", hive.BaseAddress.ToString()), ("TheHive:ApiKey", FakeTheHive.ApiKey), ("TheHive:TimeoutSeconds", "10"),
            ("TheHive:MaxRetries", "1"), ("TheHive:RetryBaseDelayMilliseconds", "10"),
            ("Imap:Host", "127.0.0.1"), ("Imap:Port", dovecot.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Imap:Security", "None"),
            ("Imap:MasterUser", DovecotServer.MasterUser), ("Imap:MasterPassword", DovecotServer.MasterPassword), ("Imap:TimeoutSeconds", "10"),
        ];
        var real = await RunDemoAsync(Configuration(connectors), (services, config) => services
            .AddSplunkSiem(config)
            .AddOtxAndVirusTotalIntel(config)
            .AddImapMailbox(config)
            .AddTheHiveTicketing(config));

        // Both runs finish, and tell the same story.
        Assert.Equal(RunState.Resolved, embedded.State);
        Assert.Equal(RunState.Resolved, real.State);
        var expected = Normalised(RunReport.From(embedded));
        var actual = Normalised(RunReport.From(real));
        Assert.Equal(expected, actual);

        // The story is the demo's (guards against both runs being equally wrong, e.g. empty).
        var report = RunReport.From(real);
        Assert.Equal(["185.220.101.47", "45.137.21.9"], report.ConfirmedC2.Order(StringComparer.Ordinal));
        Assert.Equal(["93.184.216.34"], report.Dismissed);
        Assert.Contains(report.C2Hits, h => (h.Host, h.RemoteIp, h.Connections) == ("10.20.1.15", "185.220.101.47", 12));
        Assert.Contains(report.Pivot.Hits, h => (h.Host, h.RemoteIp, h.Connections) == ("10.20.2.77", "45.137.21.9", 5));
        Assert.Equal(2, report.InvalidFeedLines);
        Assert.Contains(report.SuspiciousEmails, m => m.User == "jdoe" && m.Subject.StartsWith("*URGENT* Invoice", StringComparison.Ordinal));
        Assert.Contains(report.SuspiciousEmails, m => m.User == "asmith");

        // Splunk got the feed's IPs through the KV store, the saved search ran, and the pivot streamed an ad-hoc search.
        var feed = await File.ReadAllLinesAsync(Path.Combine(_samples, "feed", "c2-ipmasterlist.txt"));
        Assert.Equal(38, splunk.Uploaded.Distinct().Count());
        Assert.Contains("185.220.101.47", splunk.Uploaded);
        Assert.Contains("93.184.216.34", splunk.Uploaded);
        Assert.Contains("194.165.16.0/24", splunk.Uploaded);
        Assert.Contains("2a03:b0c0:3:d0::1a2b:1", splunk.Uploaded);
        Assert.DoesNotContain("45.137.21.9", splunk.Uploaded);
        Assert.All(splunk.Uploaded, ip => Assert.Contains(feed, line => line.StartsWith(ip.Split('/')[0], StringComparison.Ordinal)));
        Assert.Equal(4, splunk.Server.RequestsTo("/servicesNS/nobody/search/storage/collections/data/chatopsbot_c2_indicators/batch_save").Count);
        Assert.Single(splunk.Server.Requests, r => r.Path.EndsWith("/dispatch", StringComparison.Ordinal));
        Assert.Contains(splunk.ExportSearches, s => s.Contains("\"45.137.21.9\"", StringComparison.Ordinal));

        // OTX answered the lookups and the pivot paged through the Emotet pulse's indicators.
        Assert.True(otx.Server.RequestsTo($"/api/v1/pulses/{EmotetPulse}/indicators").Count >= 3);
        Assert.NotEmpty(otx.Server.RequestsTo("/api/v1/indicators/IPv4/185.220.101.47/general"));
        Assert.NotEmpty(virusTotal.Server.RequestsTo($"/api/v3/files/{InvoiceSha256}"));

        // TheHive: one case, with the observables, the pivot CSV and the phishing mails attached; closed on resolution.
        var theCase = Assert.Single(hive.Cases);
        Assert.Equal($"#{theCase["number"]}", Assert.Single(report.Tickets));
        Assert.Equal("Closed", theCase["stage"]!.GetValue<string>());
        var observables = hive.Observables[theCase["_id"]!.GetValue<string>()];
        var data = observables.Where(o => o["data"] is not null).Select(o => o["data"]!.GetValue<string>()).ToList();
        // The case opens at containment of the first confirmed host, so its observables are that host and its C2 IP.
        Assert.Contains("185.220.101.47", data);
        Assert.Contains("10.20.1.15", data);
        var files = observables.Where(o => o["attachment"] is not null).Select(o => o["attachment"]!["name"]!.GetValue<string>()).ToList();
        Assert.Contains(files, f => f.EndsWith(".csv", StringComparison.Ordinal));
        Assert.Equal(2, files.Count(f => f.EndsWith(".eml", StringComparison.Ordinal)));
        // The embedded run attached the same files to its own ticket. A mail's file name carries the source's message id
        // (the .eml file name there, UIDVALIDITY-UID over IMAP), so mails are compared by their user prefix only.
        static string Kind(string name) => name.EndsWith(".eml", StringComparison.Ordinal) ? name[..name.IndexOf('-', StringComparison.Ordinal)] + "-*.eml" : name;
        Assert.Equal(embeddedTicketing.Attachments.Select(a => Kind(a.FileName)).Order(), files.Select(Kind).Order());
        Assert.NotEmpty(hive.Logs);

        // The bot read the mailboxes without marking anything as read.
        foreach (var (user, count) in delivered)
        {
            var flags = await dovecot.FlagsAsync(user);
            Assert.Equal(count, flags.Count);
            Assert.All(flags, f => Assert.False(f.HasFlag(MessageFlags.Seen), $"a mail of {user} was marked as read"));
        }
    }

    /// <summary>
    /// The report without what is bound to differ between two runs: run id and our ticket's id/number, and a flagged
    /// mail's Reason, which quotes the intel source's own wording ("in pulse '…'" offline, "VirusTotal: 41/68 engines
    /// malicious" when VirusTotal answers first for hashes and URLs). Hit times, bytes and counts are compared exactly.
    /// </summary>
    private static string Normalised(RunReport report) => JsonSerializer.Serialize(new
    {
        report.State,
        report.SectionsVisited,
        C2Hits = report.C2Hits.Select(Hit),
        report.ConfirmedC2,
        report.Dismissed,
        ContainedHosts = report.ContainedHosts.Select(h => new { h.Host, h.HelpdeskTicket, h.User, HasTicket = h.Ticket is not null }),
        Pivot = new { report.Pivot.Ips, Hits = report.Pivot.Hits.Select(Hit), report.Pivot.PivotedFrom },
        SuspiciousEmails = report.SuspiciousEmails.Select(m => new { m.User, m.Subject, m.Status, m.HandedTo }),
        Tickets = report.Tickets.Count,
        report.InvalidFeedLines,
        report.InvalidFeedLineDetails,
        report.PostMortem,
    }, new JsonSerializerOptions { WriteIndented = true });

    private static object Hit(ReportHit h) => new { h.Host, h.RemoteIp, h.Connections, h.Bytes, h.FirstSeen, h.LastSeen, h.Origin };

    private async Task<PlaybookRun> RunDemoAsync(IConfiguration config, Action<IServiceCollection, IConfiguration> connectors)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IRunStore>(new MemoryRunStore())
            .AddPlaybook()
            .AddIocFeed(config)
            .AddEmlMailboxes(config)
            .AddCsvAssetInventory(config)
            .AddMarkdownShiftLog(config)
            .AddCsvExporter(config);
        connectors(services, config);
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var engine = provider.GetRequiredService<PlaybookEngine>();
        var auto = provider.GetRequiredService<AutoAnalyst>();
        var demo = JsonSerializer.Deserialize<JsonElement>(await File.ReadAllTextAsync(Path.Combine(_samples, "demo.json")));
        var windowEnd = demo.GetProperty("windowEnd").GetDateTimeOffset();
        var window = TimeSpan.Parse(demo.GetProperty("window").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        var run = await engine.StartAsync(new RunSettings
        {
            Feed = Path.Combine(_samples, "feed", "c2-ipmasterlist.txt"), WindowFrom = windowEnd - window, WindowTo = windowEnd, StartedBy = "e2e",
        }, CancellationToken.None);
        run = await engine.AdvanceAsync(run.Id, CancellationToken.None);
        for (var answered = 0; run.Prompt is { } prompt && run.State == RunState.AwaitingAnswer; answered++)
        {
            Assert.True(answered < 100, "the auto-analyst is going round in circles");
            var failed = run.Timeline.Where(e => e.Kind == TimelineEntryKind.StepFailed).Select(e => e.Value).ToList();
            Assert.True(failed.Count == 0, "a step failed: " + string.Join("\n", failed));
            await auto.AnswerAsync(prompt, CancellationToken.None);
            run = await engine.AdvanceAsync(run.Id, CancellationToken.None);
        }
        var failures = run.Timeline.Where(e => e.Kind == TimelineEntryKind.StepFailed).Select(e => e.Value).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        return run;
    }

    private IConfiguration Configuration(params (string Key, string? Value)[] extra) => TestConfiguration.From(
    [
        ("LocalLogs:Paths:0", Path.Combine(_samples, "logs")),
        ("Intel:OfflineFile", Path.Combine(_samples, "intel", "otx-pulses.json")),
        ("Mailboxes:Directory", Path.Combine(_samples, "mailboxes")),
        ("Assets:File", Path.Combine(_samples, "assets", "inventory.csv")),
        ("ShiftLog:File", Path.Combine(_temp.Path, $"shift-log-{Guid.NewGuid():N}.md")),
        .. extra,
    ]);

    /// <summary>Delivers samples/mailboxes/&lt;user&gt;/*.eml into the users' Dovecot INBOXes, arrival time = the mail's Date.</summary>
    private async Task<Dictionary<string, int>> DeliverSampleMailsAsync()
    {
        var delivered = new Dictionary<string, int>();
        foreach (var user in MailUsers)
        {
            var files = Directory.GetFiles(Path.Combine(_samples, "mailboxes", user), "*.eml").Order(StringComparer.Ordinal).ToList();
            foreach (var file in files)
            {
                using var message = await MimeMessage.LoadAsync(file);
                await dovecot.DeliverAsync(user, message, message.Date);
            }
            delivered[user] = files.Count;
        }
        return delivered;
    }

    private T Keep<T>(T disposable) where T : IDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples");
            if (Directory.Exists(Path.Combine(candidate, "feed"))) return candidate;
        }
        throw new DirectoryNotFoundException("samples/ not found above the test output directory.");
    }

    /// <summary>The built-in ticket system, in memory.</summary>
    private sealed class MemoryTicketing : ITicketing
    {
        public ConcurrentQueue<NewTicket> Created { get; } = new();
        public ConcurrentQueue<TicketAttachment> Attachments { get; } = new();
        public ConcurrentQueue<string> Comments { get; } = new();
        private readonly ConcurrentDictionary<string, TicketRef> _byKey = new();
        private readonly ConcurrentDictionary<string, bool> _done = new();

        public Task<TicketRef> CreateAsync(NewTicket ticket, string idempotencyKey, CancellationToken cancellationToken) =>
            Task.FromResult(_byKey.GetOrAdd(idempotencyKey, _ =>
            {
                Created.Enqueue(ticket);
                return new TicketRef($"INC-{Created.Count:D4}", null);
            }));

        public Task CommentAsync(string ticketId, string text, string idempotencyKey, CancellationToken cancellationToken)
        {
            if (_done.TryAdd(idempotencyKey, true)) Comments.Enqueue(text);
            return Task.CompletedTask;
        }

        public Task AttachAsync(string ticketId, TicketAttachment attachment, string idempotencyKey, CancellationToken cancellationToken)
        {
            if (_done.TryAdd(idempotencyKey, true)) Attachments.Enqueue(attachment);
            return Task.CompletedTask;
        }

        public Task AddObservablesAsync(string ticketId, IReadOnlyList<TicketObservable> observables, string idempotencyKey, CancellationToken cancellationToken) =>
            Task.CompletedTask;

        public Task ResolveAsync(string ticketId, string summary, string idempotencyKey, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class MemoryRunStore : IRunStore
    {
        private readonly ConcurrentDictionary<string, string> _runs = new();

        public Task CreateAsync(PlaybookRun run, CancellationToken cancellationToken)
        {
            run.Version = 1;
            _runs[run.Id] = RunJson.Serialize(run);
            return Task.CompletedTask;
        }

        public Task<PlaybookRun?> FindAsync(string runId, CancellationToken cancellationToken) =>
            Task.FromResult(_runs.TryGetValue(runId, out var json) ? RunJson.Deserialize(json) : null);

        public Task SaveAsync(PlaybookRun run, CancellationToken cancellationToken)
        {
            var stored = RunJson.Deserialize(_runs[run.Id]);
            if (stored.Version != run.Version) throw new RunConcurrencyException(run.Id, run.Version);
            run.Version++;
            _runs[run.Id] = RunJson.Serialize(run);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<RunSummary>> ListAsync(int take, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<RunSummary>>([]);
    }
}
