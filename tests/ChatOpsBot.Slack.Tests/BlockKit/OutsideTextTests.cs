using System.Text.Json.Nodes;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Slack.BlockKit;

namespace ChatOpsBot.Slack.Tests.BlockKit;

/// <summary>
/// Outside text (a colleague's name typed in the modal, a user name from the asset inventory, an indicator) reaches
/// every Slack text object escaped exactly once: mrkdwn and plain_text alike, since Slack reads &amp;, &lt; and &gt;
/// as control characters in both.
/// </summary>
public sealed class OutsideTextTests
{
    private const string TypedName = "mallory <!everyone> <@U0123ABC>";
    private const string InventoryName = "alice<!here>";

    [Fact]
    public void NotificationHeader_WithATypedColleagueName_PingsNoOne()
    {
        var blocks = NotificationBlocks.Render(Notice($"Phishing playbook handed to {TypedName}"), 10).Blocks;

        var header = Header(blocks);
        Assert.Equal("🔎 Phishing playbook handed to mallory &lt;!everyone&gt; &lt;@U0123ABC&gt;", header);
    }

    [Fact]
    public void PromptHeader_WithAnInventoryUserName_PingsNoOne()
    {
        var blocks = PromptBlocks.Open(Question($"Is this mail to {InventoryName} the phishing that started it?"));

        Assert.Equal("Is this mail to alice&lt;!here&gt; the phishing that started it?", Header(blocks));
    }

    [Fact]
    public void ClosedPromptHeader_WithAnInventoryUserName_PingsNoOne()
    {
        var closure = new PromptClosure(Question($"Mail to {InventoryName}?"), "Yes", null, [new Actor("cli:bob", "bob", true)], DateTimeOffset.UnixEpoch, false);

        Assert.Equal("Mail to alice&lt;!here&gt;?", Header(PromptBlocks.Closed(closure)));
    }

    [Fact]
    public void ButtonLabels_AreEscapedPlainText()
    {
        var prompt = Question("Who?") with { Options = [new PromptOption("a", "Hand to <!channel>")] };

        var button = PromptBlocks.Open(prompt).Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]![0]!;

        Assert.Equal("Hand to &lt;!channel&gt;", button["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Facts_AreEscapedOnce_NeverTwice()
    {
        var blocks = NotificationBlocks.Render(Notice("R&D mail") with { Facts = [new Fact("Subject", "Q4 R&D <plan>")] }, 10).Blocks;
        var json = blocks.ToJsonString();

        Assert.Contains(Texts(blocks), t => t.Contains("Q4 R&amp;D &lt;plan&gt;", StringComparison.Ordinal));
        Assert.Contains("R&amp;D mail", Header(blocks), StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;amp;", json, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;lt;", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Indicators_StayCopyable()
    {
        var blocks = NotificationBlocks.Render(Notice("185.220.101.47 confirmed") with { Facts = [new Fact("Ticket", "HD-004711")] }, 10).Blocks;

        Assert.Contains("185.220.101.47", Header(blocks), StringComparison.Ordinal);
        Assert.Contains(Texts(blocks), t => t.Contains("HD-004711", StringComparison.Ordinal));
    }

    private static Notification Notice(string title) => new()
    {
        RunId = "r-1", Section = PlaybookSection.InitialCompromise, Kind = NotificationKind.Finding, Key = "r-1:k", Title = title,
    };

    private static Prompt Question(string title) => new()
    {
        Id = "r-1/p1", RunId = "r-1", Section = PlaybookSection.InitialCompromise, Kind = PromptKind.Choice, Title = title,
        OpenedAt = DateTimeOffset.UnixEpoch, Options = [new PromptOption("Yes", "Yes")],
    };

    private static string Header(JsonArray blocks) =>
        blocks.Single(b => b!["type"]!.GetValue<string>() == "header")!["text"]!["text"]!.GetValue<string>();

    private static List<string> Texts(JsonArray blocks) =>
        blocks.SelectMany(b => b!["fields"] is JsonArray f ? f.Select(x => x!["text"]!.GetValue<string>())
            : b!["text"]?["text"] is JsonNode t ? [t.GetValue<string>()] : []).ToList();
}
