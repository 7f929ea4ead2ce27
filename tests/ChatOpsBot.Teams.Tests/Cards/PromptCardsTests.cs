using System.Text.Json.Nodes;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Teams.Cards;

namespace ChatOpsBot.Teams.Tests.Cards;

public sealed class PromptCardsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 14, 5, 0, TimeSpan.Zero);

    private static Prompt Choice() => new()
    {
        Id = "r-1/p3", RunId = "r-1", Section = PlaybookSection.Validation, Kind = PromptKind.Choice,
        Title = "Is 185.220.101.47 tied to malware?", OpenedAt = At, Suggestion = "ConfirmMalware",
        Facts = [new Fact("Mail subject", "[Reset](http://evil.example) <at>SOC</at>")],
        Options =
        [
            new PromptOption("ConfirmMalware", "Tied to malware", OptionStyle.Danger, RequiresApprover: true),
            new PromptOption("DismissIp", "Not malicious"),
        ],
    };

    private static Prompt Text() => Choice() with
    {
        Kind = PromptKind.Text, Title = "Helpdesk ticket number?",
        Options = [new PromptOption("EnterTicket", "Submit")],
        Input = new TextInputRule("Helpdesk ticket", "^[A-Z]{2,6}-?\\d{3,10}$", "A helpdesk ticket number looks like HD-123456.", "HD-123456"),
        LastError = "A helpdesk ticket number looks like HD-123456.",
    };

    [Fact]
    public void Options_BecomeActionExecute_WithSubmitFallback_CarryingRunPromptAndOption()
    {
        var card = PromptCards.Open(Choice());

        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var actions = card["actions"]!.AsArray();
        Assert.Equal(2, actions.Count);
        var first = actions[0]!;
        Assert.Equal("Action.Execute", first["type"]!.GetValue<string>());
        Assert.Equal(CardAction.Verb, first["verb"]!.GetValue<string>());
        Assert.Equal("destructive", first["style"]!.GetValue<string>());
        Assert.Equal("Action.Submit", first["fallback"]!["type"]!.GetValue<string>());
        foreach (var data in new[] { first["data"]!, first["fallback"]!["data"]! })
        {
            Assert.Equal("r-1", data["runId"]!.GetValue<string>());
            Assert.Equal("r-1/p3", data["promptId"]!.GetValue<string>());
            Assert.Equal("ConfirmMalware", data["option"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Open_TriageQuestion_ListsEveryFactAndOneActionPerOption()
    {
        var triage = Choice() with
        {
            Title = "546 feed IPs have no malware intel", Suggestion = "DismissUnflagged",
            Facts = [new Fact("IPs", "546"), .. Enumerable.Range(1, 20).Select(i => new Fact($"198.18.0.{i}", $"10.30.0.{i}")), new Fact("More", "526 more in the CSV")],
            Options = [new PromptOption("DismissUnflagged", "Dismiss the 546 without malware intel", OptionStyle.Primary), new PromptOption("ReviewEach", "Review each IP")],
        };

        var card = PromptCards.Open(triage);

        var facts = card["body"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "FactSet")!["facts"]!.AsArray();
        Assert.Equal(22, facts.Count);
        var actions = card["actions"]!.AsArray();
        Assert.Equal(["DismissUnflagged", "ReviewEach"], actions.Select(a => a!["data"]!["option"]!.GetValue<string>()));
        Assert.Equal("positive", actions[0]!["style"]!.GetValue<string>());
    }

    [Fact]
    public void Facts_AreEscaped()
    {
        var json = PromptCards.Open(Choice()).ToJsonString();

        Assert.DoesNotContain("[Reset](", json, StringComparison.Ordinal);
        Assert.DoesNotContain("http://evil", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<at>", json, StringComparison.Ordinal);
    }

    [Fact]
    public void PromptText_IsEscapedToo()
    {
        var json = PromptCards.Open(Choice() with { Text = "Step failed: [Retry here](https://evil.example/x)" }).ToJsonString();

        Assert.DoesNotContain("[Retry here](", json, StringComparison.Ordinal);
        Assert.DoesNotContain("https://evil", json, StringComparison.Ordinal);
    }

    [Fact]
    public void TextPrompt_HasARequiredInputWithRegexAndErrorMessage_AndShowsTheLastError()
    {
        var card = PromptCards.Open(Text());

        var input = card["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "Input.Text")!;
        Assert.Equal(CardAction.TextInputId, input["id"]!.GetValue<string>());
        Assert.True(input["isRequired"]!.GetValue<bool>());
        Assert.Equal("^[A-Z]{2,6}-?\\d{3,10}$", input["regex"]!.GetValue<string>());
        Assert.Equal("A helpdesk ticket number looks like HD-123456.", input["errorMessage"]!.GetValue<string>());
        Assert.Contains(card["body"]!.AsArray(), e => e!["color"]?.GetValue<string>() == "Attention");
    }

    [Fact]
    public void AnsweredCard_ShowsWhoWhatAndWhen_WithoutButtons()
    {
        var card = PromptCards.Answered(Choice(), "Tied to malware", ["Alice", "Bob *the* intern"], At, automatic: false);

        Assert.Null(card["actions"]);
        var text = card.ToJsonString();
        Assert.Contains("Tied to malware", text, StringComparison.Ordinal);
        Assert.Contains("Alice, Bob \\\\*the\\\\* intern", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-27 14:05 UTC", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CardAction_ReadsExecuteDataAndSubmitValues_AndIgnoresOthers()
    {
        var data = System.Text.Json.JsonDocument.Parse("""{"runId":"r","promptId":"r/p1","option":"Go","answerText":"HD-1234","extra":1}""").RootElement;
        Assert.Equal(new CardAction("r", "r/p1", "Go", "HD-1234"), CardAction.From(data));
        Assert.Null(CardAction.From(System.Text.Json.JsonDocument.Parse("""{"runId":"r"}""").RootElement));
        Assert.Null(CardAction.From(null));
    }
}
