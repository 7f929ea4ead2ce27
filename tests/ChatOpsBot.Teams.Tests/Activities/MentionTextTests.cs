using ChatOpsBot.Teams.Activities;

namespace ChatOpsBot.Teams.Tests.Activities;

public sealed class MentionTextTests
{
    private static Activity Message(string text, params Entity[] entities) => new()
    {
        Type = "message", Text = text, Recipient = new ChannelAccount { Id = "28:bot" }, Entities = [.. entities],
    };

    private static Entity Mention(string id, string text) => new() { Type = "mention", Text = text, Mentioned = new ChannelAccount { Id = id } };

    [Fact]
    public void BotMention_IsStripped()
    {
        var activity = Message("<at>C2 Hunt</at>  c2hunt   status r-1\n", Mention("28:bot", "<at>C2 Hunt</at>"));

        Assert.True(MentionText.MentionsBot(activity));
        Assert.Equal("c2hunt status r-1", MentionText.Strip(activity));
    }

    [Fact]
    public void OtherPeoplesMentions_DoNotAddressTheBot()
    {
        var activity = Message("<at>Alice</at> c2hunt start", Mention("29:alice", "<at>Alice</at>"));

        Assert.False(MentionText.MentionsBot(activity));
    }

    [Fact]
    public void HtmlEntities_AreDecoded() =>
        Assert.Equal("c2hunt graph Hunt <x>", MentionText.Strip(Message("c2hunt graph Hunt &lt;x&gt;")));
}
