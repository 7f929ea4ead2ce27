using System.Collections.Concurrent;
using ChatOpsBot.Connectors.Assets;
using ChatOpsBot.Connectors.Exports;
using ChatOpsBot.Connectors.Feeds;
using ChatOpsBot.Connectors.Mailboxes;
using ChatOpsBot.Connectors.OfflineIntel;
using ChatOpsBot.Connectors.ShiftLogs;
using ChatOpsBot.Connectors.Splunk;
using ChatOpsBot.Connectors.Tests.Splunk;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Ticketing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Connectors.Tests.Playbook;

/// <summary>A real connector failing for good inside a run: the engine asks to retry or stop, and the run stays on record.</summary>
public sealed class ConnectorFailurePromptTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeApiServer _splunk = new((_, response, _) => FakeApiServer.Json(response, """{"messages":[{"type":"ERROR","text":"KV Store is down"}]}""", 503));

    public void Dispose()
    {
        _splunk.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task AdvanceAsync_SplunkDownForGood_OpensRetryOrStopPromptAndKeepsTheRun()
    {
        var samples = Samples();
        var config = TestConfiguration.From(
        [
            .. SplunkSiemTests.Settings(_splunk.BaseAddress),
            ("Intel:OfflineFile", Path.Combine(samples, "intel", "otx-pulses.json")),
            ("Mailboxes:Directory", Path.Combine(samples, "mailboxes")),
            ("Assets:File", Path.Combine(samples, "assets", "inventory.csv")),
            ("ShiftLog:File", Path.Combine(_temp.Path, "shift-log.md")),
        ]);
        var store = new MemoryRunStore();
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IRunStore>(store)
            .AddSingleton<ITicketing, NoTicketing>()
            .AddPlaybook()
            .AddIocFeed(config)
            .AddSplunkSiem(config)
            .AddOfflineIntel(config)
            .AddEmlMailboxes(config)
            .AddCsvAssetInventory(config)
            .AddMarkdownShiftLog(config)
            .AddCsvExporter(config)
            .BuildServiceProvider();
        var engine = provider.GetRequiredService<PlaybookEngine>();
        var window = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
        var started = await engine.StartAsync(new RunSettings
        {
            Feed = Path.Combine(samples, "feed", "c2-ipmasterlist.txt"), WindowFrom = window, WindowTo = window.AddDays(1), StartedBy = "analyst",
        }, CancellationToken.None);

        var run = await engine.AdvanceAsync(started.Id, CancellationToken.None);

        Assert.Equal(RunState.AwaitingAnswer, run.State);
        Assert.Equal("QueryingSiem", run.Hunt.State);
        Assert.Equal([StepFailure.Retry, StepFailure.Skip, StepFailure.Abandon], run.Prompt!.Options.Select(o => o.Value));
        var failure = Assert.Single(run.Timeline, e => e.Kind == TimelineEntryKind.StepFailed);
        Assert.Contains(nameof(SplunkException), failure.Value, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", failure.Value, StringComparison.Ordinal);
        var stored = await store.FindAsync(started.Id, CancellationToken.None);
        Assert.Equal(run.Prompt.Id, stored!.Prompt!.Id);
        Assert.True(_splunk.Requests.Count >= 3);
    }

    private static string Samples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples");
            if (Directory.Exists(Path.Combine(candidate, "feed"))) return candidate;
        }
        throw new DirectoryNotFoundException("samples/ not found above the test output directory.");
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

    private sealed class NoTicketing : ITicketing
    {
        public Task<TicketRef> CreateAsync(NewTicket ticket, string idempotencyKey, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task CommentAsync(string ticketId, string text, string idempotencyKey, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task AttachAsync(string ticketId, TicketAttachment attachment, string idempotencyKey, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task AddObservablesAsync(string ticketId, IReadOnlyList<TicketObservable> observables, string idempotencyKey, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task ResolveAsync(string ticketId, string summary, string idempotencyKey, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
