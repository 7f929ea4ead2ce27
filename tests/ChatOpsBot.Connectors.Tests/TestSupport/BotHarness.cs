using System.Globalization;
using System.Text.Json;
using ChatOpsBot.Connectors.Assets;
using ChatOpsBot.Connectors.Exports;
using ChatOpsBot.Connectors.Feeds;
using ChatOpsBot.Connectors.Mailboxes;
using ChatOpsBot.Connectors.ShiftLogs;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Connectors.Tests.TestSupport;

/// <summary>
/// One bot replica as the host composes it, minus the host: the playbook on the bot's own database (runs, verdict
/// cache, quota ledger: SQLite in a temp folder unless the configuration names another database), the file-backed
/// connectors on the bundled samples, the connectors a test adds, and a recording "terminal" channel. Runs are
/// answered by the auto-analyst.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    private BotHarness(ServiceProvider services, RecordingChatChannel channel)
    {
        Services = services;
        Channel = channel;
    }

    public ServiceProvider Services { get; }

    public RecordingChatChannel Channel { get; }

    public PlaybookEngine Engine => Services.GetRequiredService<PlaybookEngine>();

    /// <summary>The bundled samples/ folder.</summary>
    public static string Samples { get; } = FindSamples();

    /// <summary>The samples' demo window: the day before <c>windowEnd</c> of samples/demo.json.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) DemoWindow()
    {
        var demo = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(Samples, "demo.json")));
        var end = demo.GetProperty("windowEnd").GetDateTimeOffset();
        return (end - TimeSpan.Parse(demo.GetProperty("window").GetString()!, CultureInfo.InvariantCulture), end);
    }

    /// <summary>Samples-backed settings for the file connectors, a SQLite database in <paramref name="directory"/>, then <paramref name="extra"/> (which wins).</summary>
    public static IConfiguration Configuration(string directory, params (string Key, string? Value)[] extra) => TestConfiguration.From(FastHttp.Merge(
    [
        ("LocalLogs:Paths:0", Path.Combine(Samples, "logs")),
        ("Intel:OfflineFile", Path.Combine(Samples, "intel", "otx-pulses.json")),
        ("Mailboxes:Directory", Path.Combine(Samples, "mailboxes")),
        ("Assets:File", Path.Combine(Samples, "assets", "inventory.csv")),
        ("ShiftLog:File", Path.Combine(directory, $"shift-log-{Guid.NewGuid():N}.md")),
        ("Storage:Provider", "Sqlite"),
        ("Storage:ConnectionString", $"Data Source={Path.Combine(directory, "chatopsbot.db")}"),
        .. extra,
    ]));

    /// <summary>Builds and migrates a replica; <paramref name="connectors"/> adds SIEM, intel and ticketing as the test needs.</summary>
    public static async Task<BotHarness> StartAsync(IConfiguration configuration, Action<IServiceCollection, IConfiguration> connectors, TimeProvider? clock = null)
    {
        var channel = new RecordingChatChannel();
        var services = new ServiceCollection().AddLogging();
        if (clock is not null) services.AddSingleton(clock);
        services
            .AddStorage(configuration)
            .AddPlaybook()
            .AddIocFeed(configuration)
            .AddEmlMailboxes(configuration)
            .AddCsvAssetInventory(configuration)
            .AddMarkdownShiftLog(configuration)
            .AddCsvExporter(configuration)
            .AddSingleton<IChatChannel>(channel);
        connectors(services, configuration);
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        await provider.GetRequiredService<StorageInitializer>().MigrateAsync(CancellationToken.None);
        return new BotHarness(provider, channel);
    }

    /// <summary>
    /// Starts a run on the terminal channel and answers every prompt as <c>--auto</c> does (step failures: retry), until
    /// it ends; <paramref name="onPrompt"/> runs before each answer.
    /// </summary>
    public async Task<PlaybookRun> RunAsync(RunSettings settings, Action? onPrompt = null, int maxAnswers = 200)
    {
        settings.Channel = "terminal";
        var auto = Services.GetRequiredService<AutoAnalyst>();
        var run = await Engine.StartAsync(settings, CancellationToken.None);
        run = await Engine.AdvanceAsync(run.Id, CancellationToken.None);
        for (var answered = 0; run.Prompt is { } prompt && run.State == RunState.AwaitingAnswer; answered++)
        {
            Assert.True(answered < maxAnswers, "the auto-analyst is going round in circles");
            onPrompt?.Invoke();
            await auto.AnswerAsync(prompt, CancellationToken.None);
            run = await Engine.AdvanceAsync(run.Id, CancellationToken.None);
        }
        return run;
    }

    /// <summary>A run over the samples' demo window and feed.</summary>
    public Task<PlaybookRun> RunDemoAsync(Action? onPrompt = null, bool bypassIntelCache = false)
    {
        var (from, to) = DemoWindow();
        return RunAsync(new RunSettings
        {
            Feed = Path.Combine(Samples, "feed", "c2-ipmasterlist.txt"), WindowFrom = from, WindowTo = to, StartedBy = "test",
            BypassIntelCache = bypassIntelCache,
        }, onPrompt);
    }

    /// <summary>Step failures of <paramref name="run"/> (the timeline's StepFailed entries).</summary>
    public static List<string> Failures(PlaybookRun run) =>
        run.Timeline.Where(e => e.Kind == TimelineEntryKind.StepFailed).Select(e => e.Value).ToList();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        // Pooled connections keep the SQLite file open; release them so the test's folder can go.
        SqliteConnection.ClearAllPools();
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
}
