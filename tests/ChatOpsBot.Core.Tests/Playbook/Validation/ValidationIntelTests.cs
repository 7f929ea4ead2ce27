using System.Text.RegularExpressions;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Intel;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Tests.Fakes;
using static ChatOpsBot.Core.Tests.Fakes.TestWorld;

namespace ChatOpsBot.Core.Tests.Playbook.Validation;

/// <summary>What Validation tells the analyst about where intel came from, and how it asks for it.</summary>
public sealed partial class ValidationIntelTests
{
    [Fact]
    public async Task VerdictPrompt_IntelFromTheCache_SaysSoAndHowOld()
    {
        var world = Demo();
        world.Intel.Ips[Ips.HuntC2] = world.Intel.Ips[Ips.HuntC2] with { CachedAt = Now.AddHours(-3), Detail = "VirusTotal: 41/70 engines malicious" };
        var bot = world.StartBot();

        var run = await bot.RunAutoUntilAsync((await bot.StartAsync()).Id, p => p.Title == $"Is {Ips.HuntC2} tied to malware?");

        var facts = run.Prompt!.Facts.ToDictionary(f => f.Label, f => f.Value);
        Assert.Matches(@"^from the verdict cache, fetched 3 h ago \(2026-11-28 03:00 UTC\)$", facts["Intel age"]);
        Assert.Equal("VirusTotal: 41/70 engines malicious", facts["Intel detail"]);
    }

    [Fact]
    public async Task VerdictPrompt_IntelFetchedNow_HasNoAge()
    {
        var world = Demo();
        var bot = world.StartBot();

        var run = await bot.RunAutoUntilAsync((await bot.StartAsync()).Id, p => p.Title == $"Is {Ips.HuntC2} tied to malware?");

        Assert.DoesNotContain(run.Prompt!.Facts, f => f.Label is "Intel age" or "Intel detail");
    }

    [Fact]
    public async Task Run_StartedWithoutTheCache_AsksEveryIntelLookupToBypassIt()
    {
        var world = Demo();
        var bot = world.StartBot();
        var run = await bot.Engine.StartAsync(new RunSettings
        {
            Feed = "feed.txt", WindowFrom = Now.AddDays(-1), WindowTo = Now, Channel = "terminal", StartedBy = "terminal:alice", BypassIntelCache = true,
        }, CancellationToken.None);

        run = await bot.RunAutoAsync(run.Id);

        Assert.Equal(RunState.Resolved, run.State);
        Assert.True((await bot.LoadAsync(run.Id)).Settings.BypassIntelCache);
        Assert.NotEmpty(world.Intel.Scopes);
        Assert.All(world.Intel.Scopes, s => Assert.True(s.BypassCache));
    }

    [Fact]
    public async Task Run_WithTheCache_NeverAsksToBypassIt()
    {
        var world = Demo();
        var bot = world.StartBot();

        await bot.RunAutoAsync((await bot.StartAsync()).Id);

        Assert.All(world.Intel.Scopes, s => Assert.False(s.BypassCache));
    }

    [Fact]
    public async Task TriageLookups_WaitingForAQuota_ShowHowFarTheyAreAndHowLongTheWaitIs()
    {
        var world = ManyIps(unknown: 30, malicious: 0);
        var waited = 0;
        world.Intel.QuotaWaits = n => n >= 8 && Interlocked.Exchange(ref waited, 1) == 0
            ? new IntelQuotaWait("VirusTotal", world.Clock.GetUtcNow().AddSeconds(45), "4 requests per minute")
            : null;
        var bot = world.StartBot();

        var run = await bot.RunAutoUntilAsync((await bot.StartAsync()).Id, p => p.Title.EndsWith("feed IPs have no malware intel", StringComparison.Ordinal));

        var shown = Assert.Single(world.Channel.Notifications, n => n.Key.Contains(":intel-wait:", StringComparison.Ordinal));
        Assert.Equal((PlaybookSection.Validation, NotificationKind.Progress), (shown.Section, shown.Kind));
        Assert.Matches(WaitLine(), shown.Title);
        Assert.Equal("Waiting for VirusTotal's quota (4 requests per minute).", shown.Text);
        // Shown at once, not kept: the outbox holds what must survive a crash, and a wait is over by then.
        Assert.DoesNotContain(run.Outbox, m => m.Key.Contains(":intel-wait:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TriageLookups_GoInParallel()
    {
        var world = ManyIps(unknown: 30, malicious: 0);
        var gate = new TaskCompletionSource();
        var concurrent = 0;
        var peak = 0;
        world.Intel.QuotaWaits = _ =>
        {
            // Each lookup parks here until as many have arrived as can: a sequential loop would never get past one.
            var now = Interlocked.Increment(ref concurrent);
            if (now >= 5) gate.TrySetResult();
            gate.Task.Wait(TimeSpan.FromSeconds(10));
            peak = Math.Max(peak, now);
            return null;
        };
        var bot = world.StartBot();

        await bot.RunAutoUntilAsync((await bot.StartAsync()).Id, p => p.Title.EndsWith("feed IPs have no malware intel", StringComparison.Ordinal));

        Assert.True(gate.Task.IsCompleted, "the triage looked its batch up one IP at a time");
        Assert.True(peak >= 5);
    }

    [GeneratedRegex(@"^intel: \d+ of 30 IPs, next batch in 4\d s$")]
    private static partial Regex WaitLine();
}
