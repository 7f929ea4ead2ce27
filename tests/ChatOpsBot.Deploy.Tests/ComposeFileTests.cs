using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ChatOpsBot.Deploy.Tests;

/// <summary>deploy/compose.yaml: the bot replicas, the load balancer and PostgreSQL.</summary>
public sealed partial class ComposeFileTests
{
    private static readonly YamlMappingNode Compose = DeployFiles.ParseMapping(DeployFiles.Read("deploy/compose.yaml"));

    private static YamlNode Service(string name) => Compose.At("services", name);

    [Fact]
    public void Compose_IsValidYaml_WithBotAndDbServices()
    {
        var services = Compose.At("services").Keys().ToList();
        Assert.Contains("bot", services);
        Assert.Contains("db", services);
    }

    [Fact]
    public void Bot_IsBuiltFromTheRepositoryRootWithTheDeployDockerfile()
    {
        var build = Service("bot").At("build");
        Assert.Equal("..", build.At("context").Text());
        Assert.Equal("deploy/Dockerfile", build.At("dockerfile").Text());
        Assert.True(File.Exists(Path.Combine(DeployFiles.PathOf("deploy"), build.At("context").Text(), build.At("dockerfile").Text())));
    }

    [Fact]
    public void Bot_DependsOnDb_OnceItIsHealthy()
    {
        Assert.Equal("service_healthy", Service("bot").At("depends_on", "db", "condition").Text());
    }

    [Fact]
    public void Bot_UsesPostgresInTheDbService()
    {
        var env = Service("bot").At("environment").EnvironmentMap();
        Assert.Equal("Postgres", env["Storage__Provider"]);
        Assert.Contains("Host=db;", env["Storage__ConnectionString"], StringComparison.Ordinal);
        Assert.Contains($"Database={DbEnv()["POSTGRES_DB"]};", env["Storage__ConnectionString"], StringComparison.Ordinal);
        Assert.Contains($"Username={DbEnv()["POSTGRES_USER"]};", env["Storage__ConnectionString"], StringComparison.Ordinal);
    }

    [Fact]
    public void Bot_RunsTwoReplicasByDefault()
    {
        var replicas = Service("bot").At("deploy", "replicas").Text();
        var match = DefaultValue().Match(replicas);
        Assert.Equal("2", match.Success ? match.Groups["default"].Value : replicas);
    }

    [Fact]
    public void Services_HoldNoLiteralSecrets_OnlyInterpolationOrEnvFile()
    {
        foreach (var (name, service) in Compose.At("services").Keys().Select(n => (n, Service(n))))
        {
            if (service.Find("environment") is not { } environment) continue;
            foreach (var (key, value) in environment.EnvironmentMap())
            {
                if (DockerfileTests.SecretName().IsMatch(key))
                {
                    Assert.Matches(OnlyInterpolation(), value);
                }
                foreach (Match password in PasswordInConnectionString().Matches(value))
                {
                    Assert.True(password.Groups["value"].Value.StartsWith("${", StringComparison.Ordinal), $"{name}.{key} has a literal password");
                }
            }
        }
    }

    [Fact]
    public void Bot_TakesTokensFromAnOptionalEnvFile_WhoseExampleHoldsNoValues()
    {
        var envFile = Assert.Single(Service("bot").At("env_file").Items());
        Assert.Equal("./bot.env", envFile.At("path").Text());
        Assert.Equal("false", envFile.At("required").Text());
        Assert.False(File.Exists(DeployFiles.PathOf("deploy/bot.env")) && IsTracked("deploy/bot.env"));
        var example = DeployFiles.Read("deploy/bot.env.example").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        Assert.All(example, line => Assert.StartsWith("#", line, StringComparison.Ordinal));
        Assert.All(example.Where(l => l.Contains('=', StringComparison.Ordinal)), line => Assert.EndsWith("=", line, StringComparison.Ordinal));
        foreach (var key in new[] { "Slack__SigningSecret", "Slack__BotToken", "Teams__AppPassword", "Otx__ApiKey", "VirusTotal__ApiKey", "Splunk__Token", "TheHive__ApiKey" })
        {
            Assert.Contains($"# {key}=", example);
        }
    }

    [Fact]
    public void Db_IsPostgres16_WithPgIsReadyHealthcheck_AndNamedVolume()
    {
        var db = Service("db");
        Assert.Equal("postgres:16", db.At("image").Text());
        var test = string.Join(" ", db.At("healthcheck", "test").Items().Select(i => i.Text()));
        Assert.Contains("pg_isready", test, StringComparison.Ordinal);
        var volume = Assert.Single(db.At("volumes").Items()).Text().Split(':')[0];
        Assert.Contains(volume, Compose.At("volumes").Keys());
    }

    [Fact]
    public void NamedVolumesUsedByServices_AreDeclared()
    {
        var declared = Compose.At("volumes").Keys().ToHashSet();
        foreach (var service in Compose.At("services").Keys().Select(Service))
        {
            if (service.Find("volumes") is not { } volumes) continue;
            foreach (var source in volumes.Items().Select(v => v.Text().Split(':')[0]))
            {
                if (source.StartsWith('.') || source.StartsWith('/') || source.StartsWith('$')) continue;
                Assert.Contains(source, declared);
            }
        }
    }

    [Fact]
    public void LoadBalancer_ConfigFileExists_AndPointsAtTheBotService()
    {
        var mount = Assert.Single(Service("lb").At("volumes").Items()).Text().Split(':')[0];
        var config = File.ReadAllText(Path.Combine(DeployFiles.PathOf("deploy"), mount));
        Assert.Contains("http://bot:8080", config, StringComparison.Ordinal);
    }

    private static IReadOnlyDictionary<string, string> DbEnv() => Service("db").At("environment").EnvironmentMap();

    private static bool IsTracked(string path)
    {
        var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", ["ls-files", "--error-unmatch", path])
        {
            WorkingDirectory = DeployFiles.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        git.WaitForExit();
        return git.ExitCode == 0;
    }

    [GeneratedRegex(@"^\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*):-(?<default>[^}]*)\}$")]
    private static partial Regex DefaultValue();

    [GeneratedRegex(@"^(\$\{[^}]+\})+$")]
    private static partial Regex OnlyInterpolation();

    [GeneratedRegex(@"(?i)password=(?<value>[^;""]*)")]
    private static partial Regex PasswordInConnectionString();
}
