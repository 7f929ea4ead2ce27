using System.Text.Json;
using ChatOpsBot.Core.Dialog;

namespace ChatOpsBot.Storage.Inbox;

/// <summary>What <see cref="InboxRow.Payload"/> holds: the answer (with the actor as first seen) and where to reply.</summary>
internal sealed record InboxPayload(PromptAnswer? Answer, string? ReplyTo)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public string Serialize() => JsonSerializer.Serialize(this, Options);

    public static InboxPayload Deserialize(string json) =>
        JsonSerializer.Deserialize<InboxPayload>(json, Options) ?? throw new JsonException("Empty inbox payload.");
}
