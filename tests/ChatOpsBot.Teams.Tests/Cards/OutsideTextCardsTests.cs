using System.Text.Json.Nodes;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Teams.Cards;

namespace ChatOpsBot.Teams.Tests.Cards;

/// <summary>Outside text on the cards: inert, escaped once, and indicators copyable without backslashes.</summary>
public sealed class OutsideTextCardsTests
{
    [Fact]
    public void PromptAboutAnIndicator_ShowsItWithoutBackslashes()
    {
        var card = PromptCards.Open(Question("Is 185.220.101.47 tied to malware?") with { Facts = [new Fact("Remote IP", "185.220.101.47"), new Fact("Host", "ws-fin-01")] });

        Assert.Contains("Is 185.220.101.47 tied to malware?", Texts(card));
        Assert.Equal(["185.220.101.47", "ws-fin-01"], FactValues(card));
        Assert.DoesNotContain("\\\\", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void HelpdeskTicketNumbers_StayCopyable()
    {
        var card = NotificationCards.Render(Notice("ws-fin-01 contained: helpdesk ticket HD-004711") with { Facts = [new Fact("Ticket", "HD-004711")] }, 10, null);

        Assert.Contains("ws-fin-01 contained: helpdesk ticket HD-004711", Texts(card));
        Assert.Equal(["HD-004711"], FactValues(card));
    }

    [Fact]
    public void TypedColleagueName_AndInventoryName_CarryNoMarkup()
    {
        var card = NotificationCards.Render(Notice("Phishing playbook handed to mallory <!everyone> **boss**")
            with { Facts = [new Fact("User", "alice<!here>_x_")] }, 10, null);

        Assert.Contains("Phishing playbook handed to mallory \\<!everyone> \\*\\*boss\\*\\*", Texts(card));
        Assert.Equal(["alice\\<!here>\\_x\\_"], FactValues(card));
    }

    [Fact]
    public void OutsideText_IsEscapedOnce()
    {
        var card = PromptCards.Answered(Question("R&D *plan*"), "Hand to R&D *team*", ["ops_lead"], DateTimeOffset.UnixEpoch, automatic: false);

        Assert.Contains("R&D \\*plan\\*", Texts(card));
        Assert.Contains(Texts(card), t => t.StartsWith("✔ **Hand to R&D \\*team\\*** — answered by ops\\_lead at", StringComparison.Ordinal));
    }

    [Fact]
    public void Header_UsesTheFriendlySectionName_AndWhenItWasAsked()
    {
        var card = PromptCards.Open(Question("Mail?"));

        Assert.Equal("Initial compromise · run r-1 · asked 1970-01-01 00:00 UTC", Texts(card)[0]);
    }

    [Fact]
    public void ApproverOnlyOptions_AreMarked_AndTheSuggestionIsNamed()
    {
        var card = PromptCards.Open(Question("Mail?") with
        {
            Options = [new PromptOption("Confirm", "Phishing", OptionStyle.Danger, RequiresApprover: true, RequiredApprovals: 2), new PromptOption("Dismiss", "Not phishing")],
            Suggestion = "Dismiss",
        });

        Assert.Contains("“Phishing”: approvers only, 2 distinct approvers", Texts(card));
        Assert.Contains("Evidence points to: **Not phishing**", Texts(card));
    }

    private static Notification Notice(string title) => new()
    {
        RunId = "r-1", Section = PlaybookSection.Containment, Kind = NotificationKind.Finding, Key = "r-1:k", Title = title,
    };

    private static Prompt Question(string title) => new()
    {
        Id = "r-1/p1", RunId = "r-1", Section = PlaybookSection.InitialCompromise, Kind = PromptKind.Choice, Title = title,
        OpenedAt = DateTimeOffset.UnixEpoch, Options = [new PromptOption("Yes", "Yes")],
    };

    private static List<string> Texts(JsonObject card) =>
        card["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "TextBlock").Select(e => e!["text"]!.GetValue<string>()).ToList();

    private static List<string> FactValues(JsonObject card) =>
        card["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "FactSet")
            .SelectMany(e => e!["facts"]!.AsArray().Select(f => f!["value"]!.GetValue<string>())).ToList();
}
