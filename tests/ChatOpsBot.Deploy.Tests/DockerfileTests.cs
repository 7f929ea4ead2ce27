using System.Text.RegularExpressions;

namespace ChatOpsBot.Deploy.Tests;

/// <summary>deploy/Dockerfile, read instruction by instruction (no Docker engine needed).</summary>
public sealed partial class DockerfileTests
{
    private static readonly IReadOnlyList<(string Keyword, string Args)> Instructions = Parse(DeployFiles.Read("deploy/Dockerfile"));

    [Fact]
    public void Dockerfile_HasSdkBuildStageThenAspnetRuntimeStage()
    {
        var froms = Args("FROM");
        Assert.Equal(2, froms.Count);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", froms[0], StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", froms[1], StringComparison.Ordinal);
        Assert.Contains(Args("COPY"), a => a.StartsWith("--from=build /app", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_PublishesTheHostInRelease()
    {
        Assert.Contains(Args("RUN"), a => a.Contains("dotnet publish src/ChatOpsBot -c Release -o /app", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_RunsAsNonRootUser()
    {
        var user = Args("USER").Last();
        Assert.DoesNotMatch("^(root|0)(:|$)", user);
        Assert.Equal("$APP_UID", user);
        // USER comes after every RUN of the runtime stage (the chown needs root).
        var lastUser = Instructions.ToList().FindLastIndex(i => i.Keyword == "USER");
        Assert.DoesNotContain(Instructions.Skip(lastUser), i => i.Keyword == "RUN");
    }

    [Fact]
    public void Dockerfile_ListensOn8080()
    {
        Assert.Contains("8080", Args("EXPOSE"));
        Assert.Equal("http://+:8080", EnvironmentVariables()["ASPNETCORE_URLS"]);
    }

    [Fact]
    public void Dockerfile_DefaultsSqliteToTheDataVolume()
    {
        Assert.Contains(Args("VOLUME"), a => a.Contains("/data", StringComparison.Ordinal));
        Assert.Equal("Data Source=/data/chatopsbot.db", EnvironmentVariables()["Storage__ConnectionString"]);
    }

    [Fact]
    public void Dockerfile_HasNoHealthcheck_OrchestratorsProbeTheEndpoints()
    {
        Assert.Empty(Args("HEALTHCHECK"));
    }

    [Fact]
    public void Dockerfile_BakesInNoSecrets()
    {
        var secretish = SecretName();
        foreach (var keyword in new[] { "ENV", "ARG" })
        {
            foreach (var name in Args(keyword).SelectMany(a => Pairs(a).Keys))
            {
                Assert.DoesNotMatch(secretish, name);
            }
        }
        Assert.DoesNotMatch("(?i)password=", DeployFiles.Read("deploy/Dockerfile"));
    }

    [Fact]
    public void Dockerfile_CopiesEveryFileTheSourceProjectsReferenceOutsideSrc()
    {
        var copied = string.Join(" ", Args("COPY"));
        foreach (var csproj in Directory.EnumerateFiles(DeployFiles.PathOf("src"), "*.csproj", SearchOption.AllDirectories))
        {
            foreach (Match m in OutsideSrcInclude().Matches(File.ReadAllText(csproj)))
            {
                Assert.Contains(m.Groups["file"].Value.Replace('\\', '/'), copied, StringComparison.Ordinal);
            }
        }
        Assert.Contains("src/ src/", copied, StringComparison.Ordinal);
        Assert.Contains("Directory.Packages.props", copied, StringComparison.Ordinal);
    }

    [Fact]
    public void DockerIgnore_KeepsBuildOutputAndLocalStateOut_ButNotTheSources()
    {
        var lines = DeployFiles.Read(".dockerignore").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        foreach (var expected in new[] { "**/bin/", "**/obj/", ".git", ".data/" })
        {
            Assert.Contains(expected, lines);
        }
        foreach (var needed in new[] { "src", "src/", "appsettings.json", "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            Assert.DoesNotContain(needed, lines);
        }
    }

    internal static Regex SecretName() => SecretNameRegex();

    private static List<string> Args(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Args).ToList();

    // The runtime stage's environment: what the running container sees.
    private static Dictionary<string, string> EnvironmentVariables()
    {
        var runtime = Instructions.Skip(Instructions.ToList().FindLastIndex(i => i.Keyword == "FROM"));
        var env = new Dictionary<string, string>();
        foreach (var (key, value) in runtime.Where(i => i.Keyword == "ENV").SelectMany(i => Pairs(i.Args))) env[key] = value;
        return env;
    }

    // KEY=value pairs of an ENV or ARG line; values may be double-quoted.
    private static Dictionary<string, string> Pairs(string args) =>
        PairRegex().Matches(args).ToDictionary(m => m.Groups["k"].Value, m => m.Groups["q"].Success ? m.Groups["q"].Value : m.Groups["v"].Value);

    private static List<(string, string)> Parse(string dockerfile)
    {
        var result = new List<(string, string)>();
        var current = "";
        foreach (var raw in dockerfile.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (current.Length == 0 && (line.TrimStart().StartsWith('#') || line.Trim().Length == 0)) continue;
            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }
            current += line;
            var parts = current.Trim().Split(' ', 2);
            result.Add((parts[0].ToUpperInvariant(), parts.Length > 1 ? Regex.Replace(parts[1], @"\s+", " ").Trim() : ""));
            current = "";
        }
        return result;
    }

    [GeneratedRegex("(?i)(token|secret|password|apikey|api_key)")]
    private static partial Regex SecretNameRegex();

    [GeneratedRegex("""(?<k>[A-Za-z_][A-Za-z0-9_]*)=(?:"(?<q>[^"]*)"|(?<v>\S*))""")]
    private static partial Regex PairRegex();

    [GeneratedRegex(@"Include=""\.\.[\\/]\.\.[\\/](?<file>[^""]+)""")]
    private static partial Regex OutsideSrcInclude();
}
