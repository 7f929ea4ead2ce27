using System.Text.Json.Nodes;
using ChatOpsBot.Teams.Cards;

namespace ChatOpsBot.Teams.Activities;

/// <summary>The body answering an <c>adaptiveCard/action</c> invoke (Universal Actions): a card, a message or an error.</summary>
public static class InvokeResponse
{
    public const string ErrorType = "application/vnd.microsoft.error";
    public const string MessageType = "application/vnd.microsoft.activity.message";

    public static JsonObject Card(JsonObject card) => new() { ["statusCode"] = 200, ["type"] = AdaptiveCard.ContentType, ["value"] = card };

    public static JsonObject Message(string text) => new() { ["statusCode"] = 200, ["type"] = MessageType, ["value"] = text };

    public static JsonObject Error(int status, string code, string message) => new()
    {
        ["statusCode"] = status,
        ["type"] = ErrorType,
        ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
    };
}
