namespace ChatOpsBot.Tests.Playground;

/// <summary>
/// What the Agents Playground tests need and never install themselves: <c>node</c> on PATH and the pinned packages in
/// <c>tests/playground/node_modules</c> (<c>npm ci</c> there; <c>.ci/run</c> does it). Without them a test is skipped with
/// the reason, unless <c>CHATOPSBOT_REQUIRE_PLAYGROUND=1</c> (CI), where a missing piece is a failure: a green CI run
/// that skipped them would have tested nothing of the Playground.
/// </summary>
internal static class PlaygroundPrerequisites
{
    public const string RequireVariable = "CHATOPSBOT_REQUIRE_PLAYGROUND";

    public static string PackagesDirectory => Path.Combine(Support.RepositoryRoot.Path, "tests", "playground");

    public static string PlaygroundCli => Path.Combine(PackagesDirectory, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");

    public static string PlaywrightCore => Path.Combine(PackagesDirectory, "node_modules", "playwright-core", "package.json");

    public const string Chromium = "/usr/bin/chromium";

    /// <summary>node's full path, or null.</summary>
    public static string? Node() => FindOnPath("node");

    /// <summary>Skips (or, in CI, fails) unless node and the Playground package are there.</summary>
    public static void RequirePlayground()
    {
        if (Node() is null) Missing("node is not on PATH");
        if (!File.Exists(PlaygroundCli)) Missing($"{PlaygroundCli} is missing (run `npm ci` in tests/playground)");
    }

    /// <summary>As <see cref="RequirePlayground"/>, plus playwright-core and the system Chromium.</summary>
    public static void RequireBrowser()
    {
        RequirePlayground();
        if (!File.Exists(PlaywrightCore)) Missing("playwright-core is missing from tests/playground (run `npm ci` there)");
        if (!File.Exists(Chromium)) Missing($"{Chromium} is missing (apt-get install chromium)");
    }

    private static void Missing(string what)
    {
        var message = $"Agents Playground test: {what}.";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            throw new InvalidOperationException($"{message} {RequireVariable}=1, so this is a failure, not a skip.");
        Skip.If(true, message);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
