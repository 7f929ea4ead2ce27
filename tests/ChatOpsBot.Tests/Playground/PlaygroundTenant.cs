namespace ChatOpsBot.Tests.Playground;

/// <summary>The ids in <c>manifests/teams/.m365agentsplayground.yml</c> the tests act with (the shipped file is the one used).</summary>
internal static class PlaygroundTenant
{
    public const string BotId = "0c9a7e51-2f3b-4d6c-8a1e-3b5c7d9e1f20";
    public const string PersonalChat = "a:1c2hunt-personal-alice";
    public const string GroupChat = "19:c2hunt-soc-group@thread.v2";
    public static readonly PlaygroundUser Alice = new("29:1a7f3c9e-5b2d-4e6f-8a0b-1c2d3e4f5a61", "a11ce000-1b2c-4d3e-8f4a-5b6c7d8e9f01", "Alice Analyst");
    public static readonly PlaygroundUser Bob = new("29:2b8a4d0f-6c3e-4f7a-9b1c-2d3e4f5a6b72", "b0b00000-2c3d-4e4f-9a5b-6c7d8e9f0a12", "Bob Approver");
    public static readonly PlaygroundUser Ivan = new("29:3c9b5e1a-7d4f-4a8b-8c2d-3e4f5a6b7c83", "1fa00000-3d4e-4f5a-8b6c-7d8e9f0a1b23", "Ivan Intern");

    public static string ConfigFile => Path.Combine(Support.RepositoryRoot.Path, "manifests", "teams", ".m365agentsplayground.yml");
}
