namespace ChatOpsBot.Tests.Support;

/// <summary>The repository root (where ChatOpsBot.sln is), found from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ChatOpsBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("ChatOpsBot.sln not found above the test binaries.");
    }
}
