using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Composition;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.TestSupport;
using ChatOpsBot.Teams.Tests.Fakes;
using ChatOpsBot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Teams.Tests.EndToEnd;

/// <summary>
/// The whole demo playbook driven as Teams would: signed activities and adaptiveCard/action invokes against the real
/// web host, with a loopback Bot Connector + token endpoint recording what the bot sent.
/// </summary>
public sealed class TeamsPlaybookEndToEndTests : IAsyncLifetime
{
    private const string SocChannel = "19:soc-channel@thread.tacv2";
    private const string Personal = "a:1-personal-alice";
    private static readonly (string Id, string Aad, string Name) Alice = ("29:alice", "aad-alice", "Alice Analyst");
    private static readonly (string Id, string Aad, string Name) Bob = ("29:bob", "aad-bob", "Bob <b>Intern</b>");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "teams-e2e-" + Guid.NewGuid().ToString("N"));
    private FakeBotFramework _fake = null!;
    private WebApplication _bot = null!;
    private TeamsClient _teams = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _fake = await FakeBotFramework.StartAsync();
        var samples = RepositoryPaths.Samples() ?? throw new InvalidOperationException("samples/ not found");
        var settings = new Dictionary<string, string?>(DemoSettings.Configuration(samples))
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_dir, "bot.db")}",
            ["ShiftLog:File"] = Path.Combine(_dir, "shift-log.md"),
            ["Teams:AppId"] = FakeBotFramework.AppId,
            ["Teams:AppPassword"] = FakeBotFramework.AppPassword,
            ["Teams:OpenIdMetadataUrl"] = _fake.MetadataUrl,
            ["Teams:TokenEndpoint"] = _fake.TokenEndpoint,
            ["Teams:AllowedServiceUrlHosts:0"] = "127.0.0.1",
            ["Teams:Channel"] = SocChannel,
            ["Teams:Approvers:0"] = Alice.Aad,
            ["Teams:RetryBaseDelay"] = "00:00:00.010",
        };
        _bot = WebHost.Build(settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray());
        await _bot.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_bot.Urls.First().TrimEnd('/') + "/") };
        _teams = new TeamsClient(_http, _fake);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.StopAsync();
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task DemoPlaybook_DrivenFromTeams_EndsResolved_AndTheChannelGetsTheFindings()
    {
        var store = _bot.Services.GetRequiredService<IRunStore>();

        // Unauthenticated: 401 and nothing processed.
        var anonymous = _teams.Activity("message", Personal, "personal", Alice);
        anonymous["text"] = "c2hunt start";
        Assert.Equal(HttpStatusCode.Unauthorized, (await _teams.PostAsync(anonymous, token: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _teams.PostAsync(anonymous, token: _fake.Token(audience: "other-bot"))).StatusCode);
        Assert.Empty(await store.ListAsync(10, default));

        // The bot is added to the SOC team (reference stored, greeting posted) and Alice opens a 1:1 chat.
        var added = _teams.Activity("conversationUpdate", SocChannel, "channel", Alice);
        added["membersAdded"] = new JsonArray(new JsonObject { ["id"] = TeamsClient.BotId });
        Assert.Equal(HttpStatusCode.OK, (await _teams.PostAsync(added)).StatusCode);
        var unknown = _teams.Activity("messageReaction", SocChannel, "channel", Alice);
        Assert.Equal(HttpStatusCode.OK, (await _teams.PostAsync(unknown)).StatusCode);

        // A channel message not addressed to the bot is ignored; an @mention is a command.
        var chatter = _teams.Activity("message", SocChannel, "channel", Alice);
        chatter["text"] = "c2hunt start";
        await _teams.PostAsync(chatter);
        var mention = _teams.Activity("message", SocChannel, "channel", Alice);
        mention["text"] = "<at>C2 Hunt</at> c2hunt help";
        mention["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>C2 Hunt</at>", ["mentioned"] = new JsonObject { ["id"] = TeamsClient.BotId, ["name"] = "C2 Hunt" },
        });
        await _teams.PostAsync(mention);
        Assert.Contains(_fake.Calls, c => c.ConversationId == SocChannel && c.Path.EndsWith("/activities/" + mention["id"], StringComparison.Ordinal)
                                          && c.Body?["text"]?.GetValue<string>().Contains("c2hunt start", StringComparison.Ordinal) == true);
        Assert.Empty(await store.ListAsync(10, default));

        var start = _teams.Activity("message", Personal, "personal", Alice);
        start["text"] = "c2hunt start 2026-11-27T00:00Z 2026-11-28T00:00Z";
        Assert.Equal(HttpStatusCode.OK, (await _teams.PostAsync(start)).StatusCode);
        await _teams.PostAsync(start); // a Bot Connector retry of the same activity starts nothing more
        var runId = Assert.Single(await store.ListAsync(10, default)).Id;

        var answered = 0;
        string? firstPromptId = null;
        var refusedShown = false;
        var invalidShown = false;
        var submitUsed = false;
        while (true)
        {
            var run = await WaitAsync(store, runId, r => r.State is RunState.Resolved or RunState.Abandoned || (r.Prompt is not null && PostedCard(r.Prompt.Id) is not null));
            if (run.Prompt is null) break;
            var prompt = run.Prompt;
            var card = PostedCard(prompt.Id)!;
            Assert.Equal(Personal, card.ConversationId);
            var option = prompt.Suggestion ?? prompt.Options[0].Value;
            Assert.Contains(card.Card!["actions"]!.AsArray(), a => a!["data"]!["option"]!.GetValue<string>() == option && a["type"]!.GetValue<string>() == "Action.Execute");

            var approverOnly = prompt.Options.FirstOrDefault(o => o.RequiresApprover);
            if (!refusedShown && approverOnly is not null)
            {
                var refusal = await InvokeAsync(Bob, prompt, approverOnly.Value, null);
                Assert.Equal("application/vnd.microsoft.activity.message", refusal["type"]!.GetValue<string>());
                Assert.Contains("only configured approvers", refusal["value"]!.GetValue<string>(), StringComparison.Ordinal);
                var after = (await store.FindAsync(runId, default))!;
                Assert.Equal(prompt.Id, after.Prompt?.Id);
                Assert.Contains(after.Timeline, t => t.Kind == TimelineEntryKind.Refused && t.Actor == "teams:aad-bob");
                refusedShown = true;
            }
            if (!invalidShown && prompt.Kind == PromptKind.Text)
            {
                var input = card.Card!["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "Input.Text")!;
                Assert.True(input["isRequired"]!.GetValue<bool>());
                Assert.NotNull(input["regex"]);
                var bad = await InvokeAsync(Alice, prompt, option, "not a ticket");
                Assert.Equal("application/vnd.microsoft.error", bad["type"]!.GetValue<string>());
                Assert.Equal(400, bad["statusCode"]!.GetValue<int>());
                invalidShown = true;
            }

            if (!submitUsed && prompt.Kind != PromptKind.Text && answered == 1)
            {
                // Action.Submit fallback: a message whose value carries the button's data.
                var submit = _teams.Activity("message", Personal, "personal", Alice);
                submit["value"] = new JsonObject { ["runId"] = runId, ["promptId"] = prompt.Id, ["option"] = option };
                Assert.Equal(HttpStatusCode.OK, (await _teams.PostAsync(submit)).StatusCode);
                Assert.Contains(_fake.Calls, c => c.Path.EndsWith("/activities/" + submit["id"], StringComparison.Ordinal)
                                                  && c.Body?["text"]?.GetValue<string>().StartsWith("Recorded", StringComparison.Ordinal) == true);
                submitUsed = true;
            }
            else if (answered == 0)
            {
                // Two clicks at once (a double tap, or two analysts): the run changes once, both see the answered card.
                var both = await Task.WhenAll(InvokeAsync(Alice, prompt, option, null), InvokeAsync(Alice, prompt, option, null));
                Assert.All(both, r => Assert.Equal("application/vnd.microsoft.card.adaptive", r["type"]!.GetValue<string>()));
                var after = (await store.FindAsync(runId, default))!;
                Assert.Equal(1, after.Timeline.Count(t => t.PromptId == prompt.Id && t.Kind == TimelineEntryKind.Answer));
            }
            else
            {
                var response = await InvokeAsync(Alice, prompt, option, prompt.Kind == PromptKind.Text ? prompt.SuggestedText : null);
                Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]!.GetValue<string>());
                var refreshed = response["value"]!.AsObject();
                Assert.Null(refreshed["actions"]);
                Assert.Contains("answered by Alice Analyst", refreshed.ToJsonString(), StringComparison.Ordinal);
            }
            firstPromptId ??= prompt.Id;
            answered++;
            Assert.True(answered < 60, "the playbook does not end");
        }

        // A late, repeated click on the first card changes nothing and shows who answered.
        var firstRun = (await store.FindAsync(runId, default))!;
        var repeat = await InvokeAsync(Alice, new Prompt
        {
            Id = firstPromptId!, RunId = runId, Section = default, Kind = PromptKind.Confirm, Title = "", Options = [], OpenedAt = default,
        }, "x", null);
        Assert.Equal("application/vnd.microsoft.card.adaptive", repeat["type"]!.GetValue<string>());
        Assert.Equal(1, firstRun.Timeline.Count(t => t.PromptId == firstPromptId && t.Kind == TimelineEntryKind.Answer));

        var final = await WaitAsync(store, runId, r => r.Outbox.Count == 0);
        Assert.Equal(RunState.Resolved, final.State);
        Assert.True(refusedShown && invalidShown && submitUsed);

        var calls = _fake.Calls.ToList();
        var soc = calls.Where(c => c.ConversationId == SocChannel && c.Card is not null).ToList();
        Assert.Contains(soc, c => c.CardText.Contains("C2 traffic", StringComparison.Ordinal));
        // Indicators copyable as they are; no backslash before "." or "-" anywhere an analyst reads.
        Assert.Contains(soc, c => c.CardText.Contains("185.220.101.47", StringComparison.Ordinal));
        Assert.DoesNotContain(calls, c => c.CardText.Contains("\\\\.", StringComparison.Ordinal) || c.CardText.Contains("\\\\-", StringComparison.Ordinal));
        // No Teams:PublicBaseUrl here: no file goes out as a data: URI (Teams does not offer those as files).
        Assert.DoesNotContain(calls, c => c.Body?["attachments"] is JsonArray a && a.Any(x => x?["contentUrl"]?.GetValue<string>().StartsWith("data:", StringComparison.Ordinal) == true));
        Assert.DoesNotContain(calls, c => c.CardText.Contains("InitialCompromise", StringComparison.Ordinal));
        Assert.Contains(soc, c => c.CardText.Contains("\"Closure", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.Method == "PUT" && c.ConversationId == Personal && c.CardText.Contains("answered by", StringComparison.Ordinal));
        Assert.All(calls, c => Assert.StartsWith("Bearer connector-token-", c.Authorization, StringComparison.Ordinal));
        Assert.True(_fake.TokenRequests >= 1);

        // Started from a personal chat (no threads there): the chat holds the run's status card, prompts and step
        // results; the SOC channel gets only the broadcast findings (hits, incident opened, run closed).
        var channelPosts = calls.Where(c => c.Method == "POST" && c.ConversationId == SocChannel && c.Path.EndsWith("/activities", StringComparison.Ordinal)
                                            && c.Card is not null).ToList();
        Assert.InRange(channelPosts.Count, 2, 8);
        Assert.DoesNotContain(channelPosts, c => c.Card?["actions"] is JsonArray a && a.Any(x => x?["data"]?["promptId"] is not null));
        AssertNoPromptTitleTwiceInARow(calls);
    }

    [Fact]
    public async Task DemoPlaybook_StartedInTheSocChannel_IsOneThread_UnderALiveStatusCard()
    {
        var store = _bot.Services.GetRequiredService<IRunStore>();
        var added = _teams.Activity("conversationUpdate", SocChannel, "channel", Alice);
        added["membersAdded"] = new JsonArray(new JsonObject { ["id"] = TeamsClient.BotId });
        await _teams.PostAsync(added);
        var mention = _teams.Activity("message", SocChannel, "channel", Alice);
        mention["text"] = "<at>C2 Hunt</at> c2hunt start 2026-11-27T00:00Z 2026-11-28T00:00Z";
        mention["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>C2 Hunt</at>", ["mentioned"] = new JsonObject { ["id"] = TeamsClient.BotId, ["name"] = "C2 Hunt" },
        });
        Assert.Equal(HttpStatusCode.OK, (await _teams.PostAsync(mention)).StatusCode);
        var runId = (await WaitForRunAsync(store)).Id;

        string? thread = null;
        for (var answered = 0; ; answered++)
        {
            Assert.True(answered < 60, "the playbook does not end");
            var run = await WaitAsync(store, runId, r => r.State is RunState.Resolved or RunState.Abandoned || (r.Prompt is not null && PostedCard(r.Prompt.Id) is not null));
            if (run.Prompt is null) break;
            var prompt = run.Prompt;
            thread ??= PostedCard(prompt.Id)!.ConversationId;
            Assert.Equal(thread, PostedCard(prompt.Id)!.ConversationId);
            var invoke = _teams.Invoke(thread!, Alice, new JsonObject
            {
                ["runId"] = runId, ["promptId"] = prompt.Id, ["option"] = prompt.Suggestion ?? prompt.Options[0].Value,
            });
            invoke["conversation"]!["conversationType"] = "channel";
            if (prompt.Kind == PromptKind.Text) invoke["value"]!["action"]!["data"]!["answerText"] = prompt.SuggestedText;
            Assert.Equal(HttpStatusCode.OK, (await _teams.PostAsync(invoke)).StatusCode);
        }
        var final = await WaitAsync(store, runId, r => r.Outbox.Count == 0);
        Assert.Equal(RunState.Resolved, final.State);

        var calls = _fake.Calls.ToList();
        // The root: one status card at the top of the channel, updated in place to the run's outcome.
        // (Replies to an analyst's message go to /activities/{id}, in that message's thread: not top-level posts.)
        // (The bot's greeting when added to the team is plain text, not part of the run.)
        var topLevel = calls.Where(c => c.Method == "POST" && c.ConversationId == SocChannel && c.Path.EndsWith("/activities", StringComparison.Ordinal)
                                        && c.Card is not null).ToList();
        var root = topLevel.First();
        Assert.Contains("C2 hunt", root.CardText, StringComparison.Ordinal);
        Assert.Equal($"{SocChannel};messageid={RootId(root)}", thread);
        var lastRootUpdate = calls.Last(c => c.Method == "PUT" && c.Path.EndsWith("/activities/" + RootId(root), StringComparison.Ordinal));
        Assert.Contains("resolved", lastRootUpdate.CardText, StringComparison.Ordinal);
        // Prompts, answers and step results are in the thread; only the broadcast findings (with a link to it) are beside the root.
        Assert.InRange(topLevel.Count, 3, 8);
        Assert.All(topLevel.Skip(1), c => Assert.Contains("teams.microsoft.com/l/message/", c.CardText, StringComparison.Ordinal));
        Assert.Contains(calls, c => c.Method == "POST" && c.ConversationId == thread && c.CardText.Contains("185.220.101.47", StringComparison.Ordinal));
        Assert.DoesNotContain(calls, c => c.Method == "POST" && c.ConversationId == SocChannel && c.Card?["actions"] is JsonArray a
                                          && a.Any(x => x?["data"]?["promptId"] is not null));
        AssertNoPromptTitleTwiceInARow(calls);
    }

    [Fact]
    public async Task The_conversation_script_in_Teams_reaches_the_same_outcome_with_the_same_prompt_views()
    {
        var store = _bot.Services.GetRequiredService<IRunStore>();
        var start = await MessageAsync($"c2hunt {ConversationScript.Start}");
        Assert.Contains("Started run", start, StringComparison.Ordinal);
        var runId = (await WaitForRunAsync(store)).Id;
        while (true)
        {
            var run = await WaitAsync(store, runId, r => r.State is RunState.Resolved or RunState.Abandoned || (r.Prompt is not null && PostedCard(r.Prompt.Id) is not null));
            if (run.Prompt is null) break;
            var prompt = run.Prompt;
            await InvokeAsync(Alice, prompt, prompt.Suggestion ?? prompt.Options[0].Value, prompt.Kind == PromptKind.Text ? prompt.SuggestedText : null);
            await WaitAsync(store, runId, r => r.Prompt?.Id != prompt.Id);
        }
        var final = await WaitAsync(store, runId, r => r.Outbox.Count == 0);
        var status = await MessageAsync($"c2hunt {ConversationScript.Status}");
        var resume = await MessageAsync($"c2hunt {ConversationScript.Resume(runId)}");
        var cancel = await MessageAsync($"c2hunt {ConversationScript.Cancel(runId)}");

        Assert.Equal(RunState.Resolved, final.State);
        Assert.Equal(ConversationScript.ConfirmedC2, final.RemoteIps.Where(r => r.Status == IpVerdictStatus.Malware).Select(r => r.Ip).Order());
        Assert.Equal(ConversationScript.Dismissed, final.RemoteIps.Where(r => r.Status == IpVerdictStatus.NotMalicious).Select(r => r.Ip).Order());
        Assert.Equal(ConversationScript.Contained, final.Hosts.Where(h => h.Status == HostStatus.Contained).Select(h => h.Host).Order());
        Assert.NotNull(final.Ticket);
        Assert.Contains(runId, status, StringComparison.Ordinal);
        Assert.Contains("Resolved", status, StringComparison.Ordinal);
        Assert.Contains("nothing to resume", resume, StringComparison.Ordinal);
        Assert.Contains("nothing to cancel", cancel, StringComparison.Ordinal);

        // The prompt views: each question's first card (its title and buttons), in order.
        var seen = _fake.Calls.Where(c => c.Method == "POST" && c.Card?["actions"] is JsonArray a && a.Any(x => x?["data"]?["promptId"] is not null))
            .Select(c => (Title: c.Body!["summary"]!.GetValue<string>(),
                Options: (IReadOnlyList<string>)c.Card!["actions"]!.AsArray().Select(x => x!["title"]!.GetValue<string>()).ToList()))
            .ToList();
        Assert.Null(ConversationScript.DifferenceFromPrompts(seen));
    }

    // Sends a command in Alice's 1:1 chat; returns the bot's reply text.
    private async Task<string> MessageAsync(string text)
    {
        var message = _teams.Activity("message", Personal, "personal", Alice);
        message["text"] = text;
        Assert.Equal(HttpStatusCode.OK, (await _teams.PostAsync(message)).StatusCode);
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (_fake.Calls.LastOrDefault(c => c.Path.EndsWith("/activities/" + message["id"], StringComparison.Ordinal)) is { } reply)
                return reply.Body?["text"]?.GetValue<string>() ?? reply.CardText;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no reply to {text}");
            await Task.Delay(50);
        }
    }

    private string RootId(RecordedCall rootPost) =>
        // The fake numbers activities in order; the root's id is what the bot then used in its thread's conversation id.
        _fake.Calls.Where(c => c.Method == "PUT" && c.ConversationId == SocChannel).Select(c => c.Path.Split('/')[^1]).First();

    // Each prompt names its subject: the same title never comes twice in a row.
    private static void AssertNoPromptTitleTwiceInARow(IEnumerable<RecordedCall> calls)
    {
        var titles = calls.Where(c => c.Method == "POST" && c.Card?["actions"] is JsonArray a && a.Any(x => x?["data"]?["promptId"] is not null))
            .Select(c => c.Body!["summary"]!.GetValue<string>()).ToList();
        Assert.True(titles.Count >= 5, string.Join('\n', titles));
        for (var i = 1; i < titles.Count; i++) Assert.NotEqual(titles[i - 1], titles[i]);
    }

    private static async Task<PlaybookRun> WaitForRunAsync(IRunStore store)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if ((await store.ListAsync(10, default)).FirstOrDefault() is { } summary) return (await store.FindAsync(summary.Id, default))!;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("no run started");
            await Task.Delay(50);
        }
    }

    private RecordedCall? PostedCard(string promptId) =>
        _fake.Calls.LastOrDefault(c => c.Card?["actions"] is JsonArray actions
                                       && actions.Any(a => a?["data"]?["promptId"]?.GetValue<string>() == promptId));

    private async Task<JsonObject> InvokeAsync((string Id, string Aad, string Name) who, Prompt prompt, string option, string? text)
    {
        var data = new JsonObject { ["runId"] = prompt.RunId, ["promptId"] = prompt.Id, ["option"] = option };
        if (text is not null) data["answerText"] = text;
        var response = await _teams.PostAsync(_teams.Invoke(Personal, who, data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync()))!.AsObject();
    }

    private static async Task<PlaybookRun> WaitAsync(IRunStore store, string runId, Func<PlaybookRun, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var run = await store.FindAsync(runId, default) ?? throw new InvalidOperationException("run vanished");
            if (condition(run)) return run;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Run {runId} stuck in {run.State}, prompt {run.Prompt?.Id}, outbox {run.Outbox.Count}");
            await Task.Delay(50);
        }
    }
}
