using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Teams.Tests.Fakes;

/// <summary>Plays Teams towards the bot: posts signed activities to <c>/api/messages</c>.</summary>
internal sealed class TeamsClient(HttpClient http, FakeBotFramework fake)
{
    public const string BotId = "28:" + FakeBotFramework.AppId;
    public const string Tenant = "tenant-1";
    private int _ids;

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = JsonContent.Create(activity) };
        var bearer = token == "" ? fake.Token() : token;
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await http.SendAsync(request);
    }

    public JsonObject Activity(string type, string conversationId, string conversationType, (string Id, string Aad, string Name) from) => new()
    {
        ["type"] = type,
        ["id"] = $"in-{Interlocked.Increment(ref _ids)}",
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["serviceUrl"] = fake.ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = from.Id, ["name"] = from.Name, ["aadObjectId"] = from.Aad },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = Tenant },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "C2 Hunt" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant }, ["someFutureField"] = 42 },
        ["locale"] = "en-US",
    };

    public JsonObject Invoke(string conversationId, (string Id, string Aad, string Name) from, JsonObject data)
    {
        var activity = Activity("invoke", conversationId, "personal", from);
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "c2hunt.answer", ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }
}
