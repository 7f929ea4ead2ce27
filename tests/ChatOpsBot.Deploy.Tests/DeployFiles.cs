using YamlDotNet.RepresentationModel;

namespace ChatOpsBot.Deploy.Tests;

/// <summary>Finds the repository's deploy/ files and parses YAML for the tests.</summary>
internal static class DeployFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(RepositoryRoot, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Every document of <paramref name="yaml"/>; throws on invalid YAML.</summary>
    public static IReadOnlyList<YamlDocument> ParseAll(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents];
    }

    public static YamlMappingNode ParseMapping(string yaml) =>
        Assert.IsType<YamlMappingNode>(Assert.Single(ParseAll(yaml)).RootNode);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatOpsBot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("ChatOpsBot.sln not found above " + AppContext.BaseDirectory);
    }
}
