using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOpsBot.Teams.Activities;

/// <summary>The part of a Bot Framework activity the bot reads or writes; unknown fields are ignored.</summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public string? Name { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? Text { get; set; }
    public string? Summary { get; set; }
    public string? ReplyToId { get; set; }
    public JsonElement? Value { get; set; }
    public JsonElement? ChannelData { get; set; }
    public List<Entity>? Entities { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<Attachment>? Attachments { get; set; }

    /// <summary>The tenant, from the conversation or Teams' channelData.</summary>
    [JsonIgnore]
    public string? TenantId => Conversation?.TenantId ?? ReadChannelData("tenant", "id");

    private string? ReadChannelData(string outer, string inner) =>
        ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty(outer, out var o) && o.ValueKind == JsonValueKind.Object
        && o.TryGetProperty(inner, out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
}

public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
}

public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
    public bool? IsGroup { get; set; }
}

public sealed class Entity
{
    public string? Type { get; set; }
    public string? Text { get; set; }
    public ChannelAccount? Mentioned { get; set; }
}

public sealed class Attachment
{
    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }
    public string? Name { get; set; }
    public object? Content { get; set; }
}

/// <summary>The JSON settings of the Activity protocol: camelCase, nulls left out.</summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
