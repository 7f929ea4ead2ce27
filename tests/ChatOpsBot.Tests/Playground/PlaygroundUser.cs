namespace ChatOpsBot.Tests.Playground;

/// <summary>A selectable Playground user: Teams id, AAD object id, display name.</summary>
internal sealed record PlaygroundUser(string Id, string AadObjectId, string Name);
