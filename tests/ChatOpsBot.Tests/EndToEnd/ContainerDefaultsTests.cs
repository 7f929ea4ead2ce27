using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ChatOpsBot.Tests.Support;

namespace ChatOpsBot.Tests.EndToEnd;

/// <summary>
/// The container image's defaults, without Docker: the bot started the way deploy/Dockerfile starts it (its ENV, its
/// CMD, from the folder holding the published app and appsettings.json) with an empty inputs folder and no samples.
/// </summary>
public sealed partial class ContainerDefaultsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Runs_list_works_without_any_input_file()
    {
        using var data = new TempDirectory();
        await using var bot = StartLikeTheImage(["runs", "list"], data.Path, out _);

        Assert.Equal(0, await bot.WaitAsync(Timeout));
        Assert.Contains("No runs yet", bot.Stdout, StringComparison.Ordinal);
        Assert.Empty(bot.Stderr);
    }

    [Fact]
    public async Task The_default_command_serves_and_is_ready_without_any_input_file()
    {
        using var data = new TempDirectory();
        await using var bot = StartLikeTheImage([.. DockerfileCommand()], data.Path, out var address);
        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };

        var ready = await PollAsync(http, new Uri("/healthz/ready", UriKind.Relative), bot);
        var body = await ready.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"name\":\"database\",\"healthy\":true", body, StringComparison.Ordinal);
        Assert.Contains("/inputs/feed/c2-ipmasterlist.txt", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz/live", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Hunt_without_its_inputs_stops_with_one_line_naming_each()
    {
        using var data = new TempDirectory();
        await using var bot = StartLikeTheImage(["hunt", "--auto"], data.Path, out _);

        Assert.Equal(2, await bot.WaitAsync(Timeout));
        var line = ErrorOutput.AssertOneLine(bot.Stderr);
        foreach (var key in new[] { "LocalLogs:Paths:0", "Intel:OfflineFile", "Mailboxes:Directory", "Assets:File" })
            Assert.Contains(key, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_helm_defaults_serve_stay_ready_on_an_empty_inputs_volume_and_keep_metrics_off_the_service_port()
    {
        using var data = new TempDirectory();
        await using var database = await TestDatabase.CreateAsync();
        var inputs = Directory.CreateDirectory(Path.Combine(data.Path, "inputs")).FullName;
        var (service, metrics) = ($"http://127.0.0.1:{FreePort()}", $"http://127.0.0.1:{FreePort()}");
        // values.yaml's config (the ConfigMap), the inputs volume an empty folder, then what deployment.yaml sets itself.
        var environment = HelmConfig().ToDictionary(e => e.Key, e => e.Value.Replace("/inputs", inputs, StringComparison.Ordinal)
            .Replace("/data/", Path.Combine(data.Path, "data") + "/", StringComparison.Ordinal));
        environment["Storage__ConnectionString"] = database.ConnectionString;
        if (!database.ConnectionString.StartsWith("Host=", StringComparison.Ordinal)) environment["Storage__Provider"] = "Sqlite";
        environment["ASPNETCORE_URLS"] = $"{service};{metrics}";
        environment["Observability__Metrics__Port"] = new Uri(metrics).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var bot = BotProcess.Start(["serve"], data.Path, environment, workingDirectory: AppContext.BaseDirectory);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        for (var probe = 0; probe < 3; probe++)
        {
            var ready = await PollAsync(http, new Uri($"{service}/healthz/ready"), bot);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("\"status\":\"degraded\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            await Task.Delay(500);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"{service}/metrics"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"{metrics}/metrics"))).StatusCode);
        Assert.DoesNotContain("ERR", bot.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// The Dockerfile's ENV with /data moved to <paramref name="dataDirectory"/> and port 8080 to a free loopback port,
    /// the inputs pointed at an empty folder (as the Helm chart does), run from the app folder like WORKDIR /app.
    /// </summary>
    private static BotProcess StartLikeTheImage(string[] args, string dataDirectory, out string address)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        address = url;
        var inputs = Directory.CreateDirectory(Path.Combine(dataDirectory, "inputs")).FullName;
        var environment = DockerfileEnvironment().ToDictionary(
            e => e.Key,
            e => e.Value.Replace("/data/", Path.Combine(dataDirectory, "data") + "/", StringComparison.Ordinal)
                .Replace("http://+:8080", url, StringComparison.Ordinal));
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Playbook__Feed"] = "/inputs/feed/c2-ipmasterlist.txt", ["LocalLogs__Paths__0"] = "/inputs/logs",
            ["Intel__OfflineFile"] = "/inputs/intel/otx-pulses.json", ["Mailboxes__Directory"] = "/inputs/mailboxes",
            ["Assets__File"] = "/inputs/assets/inventory.csv",
        })
        {
            environment[key] = value.Replace("/inputs", inputs, StringComparison.Ordinal);
        }
        return BotProcess.Start(args, dataDirectory, environment, workingDirectory: AppContext.BaseDirectory);
    }

    // The `config:` block of values.yaml: two-space-indented `Key: value` lines, comments skipped.
    private static Dictionary<string, string> HelmConfig()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "deploy", "helm", "chatopsbot", "values.yaml"));
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.SkipWhile(l => l != "config:").Skip(1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal) || l.Length == 0))
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            config[text[..colon]] = text[(colon + 1)..].Trim().Trim('"');
        }
        Assert.Contains("Playbook__Feed", config.Keys);
        return config;
    }

    private static Dictionary<string, string> DockerfileEnvironment()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "Dockerfile")).Replace("\\\n", " ", StringComparison.Ordinal);
        var runtime = dockerfile[dockerfile.LastIndexOf("FROM ", StringComparison.Ordinal)..];
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match env in EnvLine().Matches(runtime))
            foreach (Match pair in EnvPair().Matches(env.Groups[1].Value))
                variables[pair.Groups[1].Value] = pair.Groups[2].Value.Trim('"');
        Assert.Contains("Storage__ConnectionString", variables.Keys);
        return variables;
    }

    private static string[] DockerfileCommand()
    {
        var line = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "deploy", "Dockerfile")).Single(l => l.StartsWith("CMD ", StringComparison.Ordinal));
        return [.. System.Text.Json.JsonSerializer.Deserialize<string[]>(line[4..])!];
    }

    private static async Task<HttpResponseMessage> PollAsync(HttpClient http, Uri path, BotProcess bot)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            try
            {
                return await http.GetAsync(path);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !bot.Stderr.Contains("error", StringComparison.OrdinalIgnoreCase))
            {
                await Task.Delay(200);
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^ENV\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex EnvLine();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(""[^""]*""|\S*)")]
    private static partial Regex EnvPair();
}
