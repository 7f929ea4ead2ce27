using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Teams.Cards;

namespace ChatOpsBot.Teams.Tests.Cards;

public sealed class NotificationCardsTests
{
    private static Notification Hits(int rows) => new()
    {
        RunId = "r-1", Section = PlaybookSection.Hunt, Kind = NotificationKind.Finding, Key = "hits", Title = "C2 traffic",
        Table = new DataTable(["host", "remote_ip"], Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[$"10.0.0.{i}", "185.220.101.47"]).ToList()),
        Attachment = new NotificationFile("hits.csv", "text/csv", "host,remote_ip\n"u8.ToArray()),
    };

    [Fact]
    public void ShortTable_IsShownWhole()
    {
        var card = NotificationCards.Render(Hits(3), maxRows: 10, fileLink: null);

        var table = card["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "Table")!;
        Assert.Equal(4, table["rows"]!.AsArray().Count); // header + 3
        Assert.False(NotificationCards.IsSummarised(Hits(3), 10));
    }

    [Fact]
    public void LongTable_IsCut_AndTheFullListLinked()
    {
        var card = NotificationCards.Render(Hits(30), maxRows: 10, fileLink: "https://bot.example/api/teams/files/x?sig=y");

        var table = card["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "Table")!;
        Assert.Equal(11, table["rows"]!.AsArray().Count);
        Assert.Contains("Showing 10 of 30 rows", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Action.OpenUrl", card["actions"]![0]!["type"]!.GetValue<string>());
        Assert.True(NotificationCards.IsSummarised(Hits(30), 10));
    }

    [Fact]
    public void LongTable_WithoutALink_SaysHowManyRowsAreNotShown_AndOffersNoFile()
    {
        var card = NotificationCards.Render(Hits(30), 10, null);

        Assert.Contains("Showing 10 of 30 rows; 20 more not shown.", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(card["actions"]);
    }
}
