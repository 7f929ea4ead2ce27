using System.Net;
using ChatOpsBot.Slack.Tests.TestSupport;
using ChatOpsBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Slack.Tests.Inbound;

/// <summary>An answer the bot cannot store is not acknowledged as received: Slack hears so, and so does the person.</summary>
public sealed class UnrecordedAnswerTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task BreakTheInboxAsync()
    {
        await using var db = await _bot.App.Services.GetRequiredService<IDbContextFactory<ChatOpsDbContext>>().CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("DROP TABLE inbox");
    }

    [Fact]
    public async Task A_click_that_cannot_be_stored_is_answered_503_and_the_person_is_asked_to_click_again()
    {
        var (runId, prompt, buttons) = await OpenPrompt.StartAsync(_bot);
        await BreakTheInboxAsync();

        using var response = await _bot.InteractAsync(SlackPayloads.BlockAction(BotHost.Approver, buttons[0].ActionId, buttons[0].Value, _bot.Slack.ResponseUrl("lost")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var reply = Assert.Single(_bot.Slack.CallsTo("response_url"));
        Assert.Contains("could not be recorded", reply.Json!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(prompt.Id, (await _bot.RunAsync(runId)).Prompt!.Id);
    }

    [Fact]
    public async Task A_modal_answer_that_cannot_be_stored_keeps_the_modal_open_with_the_reason()
    {
        var (runId, prompt, _) = await OpenPrompt.StartAsync(_bot);
        var option = prompt.Options[0].Value;
        await BreakTheInboxAsync();

        // A text prompt's modal carries run|prompt|option; the run's first prompt serves: it is open.
        using var response = await _bot.InteractAsync(SlackPayloads.ViewSubmission(BotHost.Approver, $"{runId}|{prompt.Id}|{option}", "HD-123456"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"response_action\":\"errors\"", body, StringComparison.Ordinal);
        Assert.Contains("could not be recorded", body, StringComparison.Ordinal);
    }
}
