using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Scheduling;
using ChatOpsBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Tests.Scheduling;

public sealed class PromptTimeoutServiceTests
{
    private static CancellationToken Ct => CancellationToken.None;
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    private static async Task<PlaybookRun> StartDemoRunAsync(BotServicesFixture bot)
    {
        var engine = bot.Get<PlaybookEngine>();
        var run = await engine.StartAsync(new RunSettings
        {
            Channel = "terminal", WindowFrom = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), WindowTo = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero),
        }, Ct);
        return await engine.AdvanceAsync(run.Id, Ct);
    }

    [Fact]
    public async Task A_prompt_left_open_is_reminded_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        var time = new FakeTimeProvider(Start);
        await using var bot = await BotServicesFixture.CreateAsync(db.ConnectionString, time, new Dictionary<string, string?> { ["Prompts:ReminderAfter"] = "01:00:00" });
        var run = await StartDemoRunAsync(bot);
        var service = bot.Get<PromptTimeoutService>();

        Assert.Equal((0, 0), await service.CheckAsync(Ct));
        time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal((1, 0), await service.CheckAsync(Ct));
        Assert.Equal((0, 0), await service.CheckAsync(Ct));

        var asks = bot.Channel.Asks.Where(p => p.Id == run.Prompt!.Id).ToList();
        Assert.Equal(2, asks.Count);
        Assert.NotNull(asks[1].RemindedAt);
        var stored = await bot.Get<IRunStore>().FindAsync(run.Id, Ct);
        Assert.Contains(stored!.Timeline, t => t.Kind == TimelineEntryKind.Reminder && t.PromptId == run.Prompt!.Id);
        Assert.Equal(run.Prompt!.Id, stored.Prompt!.Id); // still open: a reminder answers nothing
    }

    [Fact]
    public async Task A_configured_default_answers_an_expired_prompt_as_automatic()
    {
        await using var db = await TestDatabase.CreateAsync();
        var time = new FakeTimeProvider(Start);
        await using var bot = await BotServicesFixture.CreateAsync(db.ConnectionString, time, new Dictionary<string, string?>
        {
            ["Prompts:DefaultAnswers:Validation:After"] = "04:00:00",
            ["Prompts:DefaultAnswers:Validation:Option"] = "DismissAsBenign",
        });
        var run = await StartDemoRunAsync(bot);
        var service = bot.Get<PromptTimeoutService>();

        time.Advance(TimeSpan.FromHours(3));
        Assert.Equal((0, 0), await service.CheckAsync(Ct));
        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal((0, 1), await service.CheckAsync(Ct));

        var stored = await bot.Get<IRunStore>().FindAsync(run.Id, Ct);
        var answer = Assert.Single(stored!.Timeline, t => t.Kind == TimelineEntryKind.Answer);
        Assert.True(answer.Automatic);
        Assert.Equal(PromptTimeoutService.DefaultActor.Id, answer.Actor);
        Assert.Equal(IpVerdictStatus.NotMalicious, stored.RemoteIps[0].Status);
    }
}
