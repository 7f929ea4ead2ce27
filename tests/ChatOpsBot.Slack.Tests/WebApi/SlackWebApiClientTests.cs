using System.Net;
using ChatOpsBot.Slack.Tests.TestSupport;
using ChatOpsBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Slack.Tests.WebApi;

public sealed class SlackWebApiClientTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private ServiceProvider _services = null!;

    private SlackWebApiClient Client => _services.GetRequiredService<SlackWebApiClient>();

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _services = SlackServices.Build(_slack, s => s["Slack:MaxRetryAfter"] = "00:00:05");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task PostMessage_SendsJsonWithTheBotToken_AndReturnsTs()
    {
        var ts = await Client.PostMessageAsync("C1", "hello", null, null, CancellationToken.None);

        var call = Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.Equal("Bearer xoxb-test-token", call.Authorization);
        Assert.StartsWith("application/json", call.ContentType);
        Assert.Equal("C1", call.Json!["channel"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(ts));
    }

    [Fact]
    public async Task OkFalse_BecomesTypedException()
    {
        _slack.Fail("chat.postMessage", "channel_not_found");

        var e = await Assert.ThrowsAsync<SlackApiException>(() => Client.PostMessageAsync("C404", "x", null, null, CancellationToken.None));

        Assert.Equal("channel_not_found", e.Error);
        Assert.Equal("chat.postMessage", e.Method);
    }

    [Fact]
    public async Task RateLimited_WaitsRetryAfterAndSendsAgain()
    {
        _slack.Script("chat.postMessage", HttpStatusCode.TooManyRequests, """{"ok":false,"error":"ratelimited"}""", TimeSpan.FromSeconds(1));

        var ts = await Client.PostMessageAsync("C1", "after the limit", null, null, CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(ts));
        var calls = _slack.CallsTo("chat.postMessage");
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal("after the limit", c.Json!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RateLimited_LongerThanWeWait_FailsWithoutWaiting()
    {
        _slack.Script("chat.update", HttpStatusCode.TooManyRequests, """{"ok":false,"error":"ratelimited"}""", TimeSpan.FromSeconds(600));

        var e = await Assert.ThrowsAsync<SlackApiException>(() => Client.UpdateMessageAsync("C1", "1.2", "x", [], CancellationToken.None));

        Assert.Equal("ratelimited", e.Error);
        Assert.Equal(429, e.StatusCode);
        Assert.Single(_slack.CallsTo("chat.update"));
    }

    [Fact]
    public async Task ServerError_BecomesTypedException()
    {
        _slack.Script("views.open", HttpStatusCode.InternalServerError, "oops");

        var e = await Assert.ThrowsAsync<SlackApiException>(() => Client.OpenViewAsync("trigger", new System.Text.Json.Nodes.JsonObject(), CancellationToken.None));

        Assert.Equal("http_500", e.Error);
    }

    [Fact]
    public async Task UploadFile_UsesTheExternalUploadFlow()
    {
        var content = "remote_ip,host\n203.0.113.9,ws-01\n"u8.ToArray();

        var fileId = await Client.UploadFileAsync("C1", "1.000001", "hits.csv", content, "hits.csv", null, CancellationToken.None);

        var ticket = Assert.Single(_slack.CallsTo("files.getUploadURLExternal"));
        Assert.Equal("hits.csv", ticket.Form!["filename"]);
        Assert.Equal(content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), ticket.Form["length"]);
        var upload = Assert.Single(_slack.CallsTo("upload"));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(content), upload.Body);
        var complete = Assert.Single(_slack.CallsTo("files.completeUploadExternal"));
        Assert.Equal("C1", complete.Form!["channel_id"]);
        Assert.Equal("1.000001", complete.Form["thread_ts"]);
        Assert.Contains(fileId, complete.Form["files"]);
        Assert.Empty(_slack.CallsTo("files.upload"));
    }

    [Fact]
    public async Task UploadFile_RefusedTicket_Throws()
    {
        _slack.Fail("files.getUploadURLExternal", "invalid_arguments");

        await Assert.ThrowsAsync<SlackApiException>(() => Client.UploadFileAsync("C1", null, "x.csv", [1], "x", null, CancellationToken.None));

        Assert.Empty(_slack.CallsTo("files.completeUploadExternal"));
    }
}
