using System.Text.Json.Nodes;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Slack.BlockKit;

namespace ChatOpsBot.Slack.Tests.BlockKit;

public sealed class PromptBlocksTests
{
    // The shape of Validation's triage question: three summary facts, twenty IPs with their hosts, a pointer to the CSV.
    private static Prompt Triage() => new()
    {
        Id = "r-1/p1", RunId = "r-1", Section = PlaybookSection.Validation, Kind = PromptKind.Choice,
        Title = "546 feed IPs have no malware intel", Text = "Dismiss them together as not malicious, or review each IP on its own.",
        OpenedAt = new DateTimeOffset(2026, 11, 27, 14, 5, 0, TimeSpan.Zero), Suggestion = "DismissUnflagged",
        Facts =
        [
            new Fact("IPs", "546"), new Fact("Verdicts", "Unknown 546"), new Fact("Intel source", "offline OTX export"),
            .. Enumerable.Range(1, 20).Select(i => new Fact($"198.18.0.{i}", $"10.30.0.{i}, 10.30.1.{i}")),
            new Fact("More", "526 more in r-1-no-malware-intel-198.18.0.1.csv"),
        ],
        Options = [new PromptOption("DismissUnflagged", "Dismiss the 546 without malware intel", OptionStyle.Primary), new PromptOption("ReviewEach", "Review each IP")],
    };

    [Fact]
    public void Open_TriageQuestion_ShowsEveryFactWithinBlockKitLimitsAndOneButtonPerOption()
    {
        var blocks = PromptBlocks.Open(Triage());

        Assert.True(blocks.Count <= BlockLimits.MaxBlocks);
        var fields = blocks.Where(b => b!["fields"] is not null).Select(b => b!["fields"]!.AsArray()).ToList();
        Assert.All(fields, f => Assert.True(f.Count <= BlockLimits.MaxFields));
        Assert.Equal(24, fields.Sum(f => f.Count));
        var buttons = blocks.Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]!.AsArray();
        Assert.Equal(["Dismiss the 546 without malware intel", "Review each IP"], buttons.Select(b => b!["text"]!["text"]!.GetValue<string>()));
        Assert.Equal("primary", buttons[0]!["style"]!.GetValue<string>());
        Assert.DoesNotContain("approvers only", blocks.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ShowsTheFriendlySectionName_NotTheInternalPromptId()
    {
        var prompt = Triage() with { Section = PlaybookSection.InitialCompromise };

        var context = PromptBlocks.Open(prompt).Last()!["elements"]![0]!["text"]!.GetValue<string>();

        Assert.StartsWith("Initial compromise", context, StringComparison.Ordinal);
        Assert.DoesNotContain("r-1/p1", context, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NamesTheSuggestion_AndMarksApproverOnlyOptions_AsTeamsAndTheTerminalDo()
    {
        var prompt = Triage() with
        {
            Options = [new PromptOption("DismissUnflagged", "Dismiss them", OptionStyle.Primary, RequiresApprover: true, RequiredApprovals: 2), new PromptOption("ReviewEach", "Review each IP")],
        };

        var context = PromptBlocks.Open(prompt).Last()!["elements"]![0]!["text"]!.GetValue<string>();

        Assert.Contains("“Dismiss them”: approvers only, 2 distinct approvers", context, StringComparison.Ordinal);
        Assert.Contains("evidence points to “Dismiss them”", context, StringComparison.Ordinal);
        Assert.Contains("asked 2026-11-27 14:05 UTC", context, StringComparison.Ordinal);
    }
}
