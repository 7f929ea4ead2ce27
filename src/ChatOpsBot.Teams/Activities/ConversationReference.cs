namespace ChatOpsBot.Teams.Activities;

/// <summary>What a proactive post needs: where the conversation's Connector lives and which conversation it is.</summary>
public sealed record ConversationReference(string ServiceUrl, string ConversationId, string? TenantId, string? ConversationType);
