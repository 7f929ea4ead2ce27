using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOpsBot.Tests.Support;

namespace ChatOpsBot.Tests.Playground;

/// <summary>
/// The whole demo hunt driven through Microsoft 365 Agents Playground's own conversation API (the calls its web UI
/// makes): the Playground, not a fake of ours, is the Bot Connector, the Teams client and the card host.
/// </summary>
public sealed partial class PlaygroundHuntTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task DemoHunt_ThroughThePlayground_EndsResolved_WithTwoApproversAndARefusedIntern()
    {
        PlaygroundPrerequisites.RequirePlayground();
        // Two-person rule on closure: Alice's approval keeps the card open until Bob's.
        await using var session = await PlaygroundSession.StartAsync(new Dictionary<string, string> { ["Playbook__Approvals__Closure"] = "2" });
        var chat = PlaygroundTenant.GroupChat;
        var (alice, bob, ivan) = (PlaygroundTenant.Alice, PlaygroundTenant.Bob, PlaygroundTenant.Ivan);

        await session.SendAsync(chat, alice, "c2hunt start 2026-11-27T00:00Z 2026-11-28T00:00Z");
        await session.Bot.WaitForOutputAsync(" created by teams:" + alice.AadObjectId, Patience, stderr: true);
        var runId = RunCreated().Match(session.Bot.Stderr).Groups[1].Value;

        var done = new HashSet<string>(StringComparer.Ordinal);
        var (refused, invalid, submitted, twoPerson, typed) = (false, false, false, false, new List<string>());
        var answered = 0;
        while (await NextPromptAsync(session, chat, done) is { } open)
        {
            var (messageId, card) = open;
            var buttons = PlaygroundCards.Buttons(card);
            var button = Suggested(card, buttons);
            var data = button["data"]!.AsObject();
            var promptId = data["promptId"]!.GetValue<string>();
            var input = PlaygroundCards.TextInput(card);
            JsonObject Action(string? text)
            {
                var d = data.DeepClone().AsObject();
                if (text is not null) d["answerText"] = text;
                return new JsonObject { ["type"] = "Action.Execute", ["verb"] = button["verb"]!.DeepClone(), ["data"] = d };
            }

            if (!refused && input is null)
            {
                // Ivan is in the chat but not an approver: a gated decision is refused politely, the prompt stays open.
                var reply = Unwrap(await session.InvokeAsync(chat, messageId, ivan, Action(null)));
                if (reply["type"]?.GetValue<string>() == "application/vnd.microsoft.activity.message")
                {
                    Assert.Contains("only configured approvers", reply["value"]!.GetValue<string>(), StringComparison.Ordinal);
                    refused = true;
                }
                else
                {
                    done.Add(promptId); // not gated: Ivan's answer counted, as it would in Teams
                    answered++;
                    continue;
                }
            }

            string? text = null;
            if (input is not null)
            {
                Assert.True(input["isRequired"]!.GetValue<bool>());
                if (input["regex"] is not null)
                {
                    if (!invalid)
                    {
                        var bad = Unwrap(await session.InvokeAsync(chat, messageId, alice, Action("not a ticket")));
                        Assert.Equal("application/vnd.microsoft.error", bad["type"]!.GetValue<string>());
                        invalid = true;
                    }
                    text = $"HD-{204700 + typed.Count}";
                    typed.Add(text);
                }
                else text = PlaygroundCards.Text(card).Contains("Phishing", StringComparison.Ordinal) ? "phishing-oncall" : "Nothing else stood out.";
            }

            if (!submitted && input is null && answered >= 1)
            {
                // Action.Submit, as a client without Universal Actions sends it: a message carrying the button's data.
                await session.SubmitAsync(chat, messageId, alice, data.DeepClone().AsObject());
                submitted = true;
            }
            else
            {
                var response = Unwrap(await session.InvokeAsync(chat, messageId, alice, Action(text)));
                Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]!.GetValue<string>());
                var refreshed = response["value"]!.AsObject();
                if (PlaygroundCards.Buttons(refreshed).Count > 0)
                {
                    // Two-person rule: Alice's approval is shown, the decision waits for a second approver.
                    Assert.Contains("Approved by Alice Analyst", PlaygroundCards.Text(refreshed), StringComparison.Ordinal);
                    var second = Unwrap(await session.InvokeAsync(chat, messageId, bob, Action(text)))["value"]!.AsObject();
                    Assert.Empty(PlaygroundCards.Buttons(second));
                    Assert.Contains("Alice Analyst, Bob Approver", PlaygroundCards.Text(second), StringComparison.Ordinal);
                    twoPerson = true;
                }
                else Assert.Contains("answered by Alice Analyst", PlaygroundCards.Text(refreshed), StringComparison.Ordinal);
            }
            done.Add(promptId);
            answered++;
            Assert.True(answered < 60, "the playbook does not end");
        }

        Assert.True(refused, "no gated prompt refused the non-approver");
        Assert.True(invalid, "no helpdesk number was checked");
        Assert.True(submitted, "no Action.Submit was sent");
        Assert.True(twoPerson, "no decision needed two approvers");
        Assert.NotEmpty(typed);

        // The run's outcome, from its record.
        await using var show = BotProcess.Start(["runs", "show", runId, "--json"], session.DataDirectory);
        Assert.Equal(0, await show.WaitAsync(TimeSpan.FromSeconds(60)));
        using var run = JsonDocument.Parse(show.Stdout);
        Assert.Equal("Resolved", run.RootElement.GetProperty("state").GetString());
        Assert.All(typed, n => Assert.Contains(n, show.Stdout, StringComparison.Ordinal));

        // What the Playground received, from its log stream: the bot's cards, the closure among them, and no failed call.
        var fromBot = session.LogEvents.Select(e => e["log"] as JsonObject)
            .Where(l => l?["from"]?.GetValue<string>() == "User Application").Select(l => l!).ToList();
        var cards = fromBot.Select(l => l["request"]?["body"]?["attachments"]?.ToJsonString() ?? "").Where(c => c.Length > 0).ToList();
        Assert.Contains(cards, c => c.Contains("C2 traffic", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.Contains("Closure", StringComparison.Ordinal));
        Assert.All(fromBot, l => Assert.InRange(l["response"]?["statusCode"]?.GetValue<int>() ?? 200, 200, 299));
        Assert.DoesNotContain("Refused an activity", session.Bot.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The next open prompt card in <paramref name="chat"/> not yet answered; null once the run is over (closure posted, nothing open).</summary>
    private static async Task<(string MessageId, JsonObject Card)?> NextPromptAsync(PlaygroundSession session, string chat, HashSet<string> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        DateTime? quietSince = null;
        while (DateTime.UtcNow < deadline)
        {
            var messages = PlaygroundCards.Latest(session.ConversationEvents, chat);
            foreach (var (id, message) in messages)
            {
                if (PlaygroundCards.Card(message) is not { } card) continue;
                var buttons = PlaygroundCards.Buttons(card);
                if (buttons.Count > 0 && !done.Contains(buttons[0]["data"]!["promptId"]!.GetValue<string>())) return (id, card);
            }
            var closed = session.Bot.Stderr.Contains("Closure: ", StringComparison.Ordinal)
                         && session.Bot.Stderr.Contains("-> Resolved", StringComparison.Ordinal);
            if (closed) quietSince ??= DateTime.UtcNow;
            if (quietSince is { } q && DateTime.UtcNow - q > TimeSpan.FromSeconds(3)) return null;
            await Task.Delay(100);
        }
        throw new TimeoutException($"no open prompt and no end of the run.\nbot:\n{session.Bot.Stderr}");
    }

    private static JsonObject Suggested(JsonObject card, IReadOnlyList<JsonObject> buttons)
    {
        var text = PlaygroundCards.Text(card);
        var marker = "Evidence points to: **";
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            var label = text[(at + marker.Length)..].Split("**")[0];
            if (buttons.FirstOrDefault(b => b["title"]!.GetValue<string>() == label) is { } b) return b;
        }
        return buttons[0];
    }

    // The Playground returns the bot's invoke response as it came ({ statusCode, type, value }), possibly wrapped in a body.
    private static JsonObject Unwrap(JsonObject? response) =>
        response?["type"] is not null ? response : response?["body"] as JsonObject ?? throw new InvalidOperationException($"unexpected invoke response: {response?.ToJsonString()}");

    [GeneratedRegex(@"Run (r-[0-9a-z-]+) created")]
    private static partial Regex RunCreated();
}
