using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Slack.Channel;
using ChatOpsBot.Slack.Tests.TestSupport;
using ChatOpsBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Slack.Tests.Channel;

public sealed class SlackChatChannelTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private ServiceProvider _services = null!;

    private SlackChatChannel Channel => _services.GetRequiredService<SlackChatChannel>();

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _services = SlackServices.Build(_slack);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _slack.DisposeAsync();
    }

    // What went into the run's thread (the root, the run's status card, is posted first and updated after each message).
    private List<SlackCall> ThreadPosts() => _slack.CallsTo("chat.postMessage").Where(c => c.Json?["thread_ts"] is not null).ToList();

    private static Notification Finding(string key, DataTable? table = null, NotificationFile? file = null) => new()
    {
        RunId = "r-1", Section = PlaybookSection.Hunt, Kind = NotificationKind.Finding, Key = key,
        Title = "Hits for <!channel>", Facts = [new Fact("Subject", "<https://evil.example|click> & win")], Table = table, Attachment = file,
    };

    [Fact]
    public async Task Notify_FailedPost_ThrowsSoTheOutboxKeepsIt_AndTheRetryPostsOnce()
    {
        _slack.Fail("chat.postMessage", "internal_error");

        await Assert.ThrowsAsync<SlackApiException>(() => Channel.NotifyAsync(Finding("k1"), CancellationToken.None));
        await Channel.NotifyAsync(Finding("k1"), CancellationToken.None);
        await Channel.NotifyAsync(Finding("k1"), CancellationToken.None);

        // The failed attempt (it was the root's post), then the root and the finding once each.
        Assert.Equal(3, _slack.CallsTo("chat.postMessage").Count);
        Assert.Single(_slack.Messages, m => m.Key == "notify:k1");
        var root = Assert.Single(_slack.Messages, m => m.Key == "root:r-1");
        Assert.Equal(root.Ts, _slack.Messages.Single(m => m.Key == "notify:k1").ThreadTs);
    }

    [Fact]
    public async Task Notify_OutsideStrings_AreEscapedEverywhere()
    {
        await Channel.NotifyAsync(Finding("k2", new DataTable(["ip", "note"], [["198.51.100.7", "<!here> hi"]])), CancellationToken.None);

        var post = Assert.Single(ThreadPosts()).Json!;
        // mrkdwn (Slack parses <…> there) must carry only escaped text; plain_text (headers, buttons) is never parsed.
        var mrkdwn = string.Join('\n', post.AsObject().DescendantsOfType("mrkdwn").Append(post["text"]!.GetValue<string>()));
        Assert.DoesNotContain("<!channel>", mrkdwn);
        Assert.DoesNotContain("<!here>", mrkdwn);
        Assert.DoesNotContain("<https://evil", mrkdwn);
        Assert.Contains("&lt;https://evil.example|click&gt; &amp; win", mrkdwn);
        Assert.Contains("&lt;!here&gt; hi", mrkdwn);
        Assert.Contains("&lt;!channel&gt;", mrkdwn);
        Assert.Equal("plain_text", post["blocks"]![0]!["text"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Notify_ManyHits_SummarisedWithinLimits_AndFullCsvUploaded()
    {
        var rows = Enumerable.Range(0, 5000).Select(i => (IReadOnlyList<string>)[$"10.0.{i / 256}.{i % 256}", new string('x', 400)]).ToList();

        await Channel.NotifyAsync(Finding("k3", new DataTable(["ip", "detail"], rows)), CancellationToken.None);

        var post = Assert.Single(ThreadPosts());
        var blocks = post.Json!["blocks"]!.AsArray();
        Assert.True(blocks.Count <= 50);
        Assert.All(blocks, b => Assert.True((b!["text"]?["text"]?.GetValue<string>().Length ?? 0) <= 3000));
        Assert.Contains("of 5000 rows", post.Text);
        var upload = Assert.Single(_slack.CallsTo("upload"));
        Assert.Equal(5001, upload.Body.TrimEnd().Split('\n').Length);
        Assert.Single(_slack.CallsTo("files.completeUploadExternal"));
    }

    [Fact]
    public async Task AskThenClose_UpdatesTheSameMessage_WithoutButtons()
    {
        var prompt = new Prompt
        {
            Id = "r-1/p1", RunId = "r-1", Section = PlaybookSection.Validation, Kind = PromptKind.Choice, Title = "Is 203.0.113.9 tied to malware?",
            Options = [new PromptOption("ConfirmMalware", "Tied to malware", OptionStyle.Danger, RequiresApprover: true), new PromptOption("DismissAsBenign", "Not malicious")],
            OpenedAt = DateTimeOffset.UnixEpoch,
        };
        await Channel.AskAsync(prompt, CancellationToken.None);
        await Channel.AskAsync(prompt with { LastError = "try again" }, CancellationToken.None);
        await Channel.PromptClosedAsync(new PromptClosure(prompt, "Not malicious", null, [new Actor("slack:U1", "ann", true)], DateTimeOffset.UnixEpoch, false), CancellationToken.None);

        var posted = Assert.Single(ThreadPosts());
        Assert.Contains("\"actions\"", posted.Text);
        var ts = _slack.Messages.Single(m => m.Key == "prompt:r-1/p1").Ts;
        var updates = _slack.CallsTo("chat.update").Where(u => u.Json!["ts"]!.GetValue<string>() == ts).ToList();
        Assert.Equal(2, updates.Count);
        Assert.All(updates, u => Assert.Equal(posted.Json!["channel"]!.GetValue<string>(), u.Json!["channel"]!.GetValue<string>()));
        Assert.DoesNotContain("\"actions\"", updates[^1].Text);
        Assert.Contains("<@U1>", updates[^1].Text);
        Assert.Contains("1970-01-01 00:00 UTC", updates[^1].Text);
    }

    [Fact]
    public async Task Notify_EveryRowShown_AttachesNoCsv_EvenWhenTheNotificationCarriesOne()
    {
        var rows = Enumerable.Range(1, 3).Select(i => (IReadOnlyList<string>)[$"10.0.0.{i}", "185.220.101.47"]).ToList();

        await Channel.NotifyAsync(Finding("k-short", new DataTable(["host", "remote IP"], rows), new NotificationFile("hits.csv", "text/csv", "host\n"u8.ToArray())),
            CancellationToken.None);

        Assert.Single(ThreadPosts());
        Assert.Empty(_slack.CallsTo("upload"));
    }

    [Fact]
    public async Task Notify_AListOnlyInItsFile_IsUploadedOnce()
    {
        var file = new NotificationFile("list.csv", "text/csv", "ip\n198.18.0.1\n"u8.ToArray());

        await Channel.NotifyAsync(Finding("k-list", file: file), CancellationToken.None);
        await Channel.NotifyAsync(Finding("k-list", file: file), CancellationToken.None);

        Assert.Single(_slack.CallsTo("upload"));
    }
}
