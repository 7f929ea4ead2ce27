using ChatOpsBot.Core.Assets;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Exports;
using ChatOpsBot.Core.Feeds;
using ChatOpsBot.Core.Intel;
using ChatOpsBot.Core.Mail;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.ShiftLogs;
using ChatOpsBot.Core.Siem;
using ChatOpsBot.Core.Ticketing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOpsBot.Core.Tests.Fakes;

/// <summary>
/// One bot process: engine, answer processor and auto analyst wired by <c>AddPlaybook</c> over a
/// <see cref="TestWorld"/>. Dropping it and starting another is a restart.
/// </summary>
public sealed class TestBot
{
    public TestBot(TestWorld world)
    {
        World = world;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(world.Clock);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddOptions<PlaybookOptions>().Configure(world.Configure);
        services.AddSingleton<IRunStore>(world.Store);
        services.AddSingleton<IIocFeed>(world.Feed);
        services.AddSingleton<ISiem>(world.Siem);
        services.AddSingleton<IThreatIntel>(world.Intel);
        services.AddSingleton<ITicketing>(world.Ticketing);
        services.AddSingleton<IMailbox>(world.Mailbox);
        services.AddSingleton<IAssetInventory>(world.Assets);
        services.AddSingleton<IShiftLog>(world.ShiftLog);
        services.AddSingleton<ICsvExporter>(world.Csv);
        services.AddSingleton<IChatChannel>(world.Channel);
        services.AddPlaybook();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Engine = provider.GetRequiredService<PlaybookEngine>();
        Answers = provider.GetRequiredService<AnswerProcessor>();
        Auto = provider.GetRequiredService<AutoAnalyst>();
    }

    public TestWorld World { get; }
    public PlaybookEngine Engine { get; }
    public AnswerProcessor Answers { get; }
    public AutoAnalyst Auto { get; }

    /// <summary>Starts a run over the world's fixed window, on the feed at <paramref name="feed"/>.</summary>
    public Task<PlaybookRun> StartAsync(string feed = "feed.txt") =>
        Engine.StartAsync(new RunSettings
        {
            Feed = feed, WindowFrom = TestWorld.Now.AddDays(-1), WindowTo = TestWorld.Now,
            Channel = "terminal", StartedBy = "terminal:alice",
        }, CancellationToken.None);

    /// <summary>The <c>--auto</c> loop: advance; answer the open prompt with the evidence's suggestion; repeat.</summary>
    public async Task<PlaybookRun> RunAutoAsync(string runId, Func<PlaybookRun, bool>? stopWhen = null)
    {
        for (var turn = 0; turn < 200; turn++)
        {
            var run = await Engine.AdvanceAsync(runId, CancellationToken.None);
            if (run.Prompt is null || (stopWhen?.Invoke(run) ?? false)) return run;
            var result = await Auto.AnswerAsync(run.Prompt, CancellationToken.None);
            Assert.Equal(AnswerOutcome.Accepted, result.Outcome);
        }
        throw new InvalidOperationException("The run did not finish in 200 turns.");
    }

    /// <summary>Advances until the open prompt satisfies <paramref name="stopAt"/>, answering earlier prompts automatically.</summary>
    public async Task<PlaybookRun> RunAutoUntilAsync(string runId, Func<Prompt, bool> stopAt)
    {
        var run = await RunAutoAsync(runId, r => stopAt(r.Prompt!));
        Assert.NotNull(run.Prompt);
        return run;
    }

    /// <summary>Answers as a person.</summary>
    public Task<AnswerResult> AnswerAsync(PlaybookRun run, string option, Actor actor, string? text = null) =>
        Answers.AnswerAsync(new PromptAnswer(run.Id, run.Prompt!.Id, option, text, actor), CancellationToken.None);

    /// <summary>The stored run.</summary>
    public async Task<PlaybookRun> LoadAsync(string runId) =>
        await Engine.FindAsync(runId, CancellationToken.None) ?? throw new InvalidOperationException($"No run {runId}.");
}
