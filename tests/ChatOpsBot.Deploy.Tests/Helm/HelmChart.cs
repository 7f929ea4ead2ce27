using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace ChatOpsBot.Deploy.Tests.Helm;

/// <summary>
/// Renders deploy/helm/chatopsbot: with <c>helm template</c> when helm is on PATH, otherwise with the test
/// renderer over Chart.yaml, values.yaml and the templates. Either way every document must parse as YAML.
/// </summary>
internal static class HelmChart
{
    public const string ReleaseName = "soc";

    public static string Directory => DeployFiles.PathOf("deploy/helm/chatopsbot");

    public static string? HelmPath { get; } = FindHelm();

    /// <summary>Rendered manifests by template file name (empty ones left out), with <c>--set</c>-style overrides.</summary>
    public static IReadOnlyDictionary<string, YamlMappingNode> Render(params (string Path, string Value)[] sets) =>
        RenderText(sets)
            .Where(kv => kv.Key.EndsWith(".yaml", StringComparison.Ordinal) && kv.Value.Trim().Length > 0)
            .ToDictionary(kv => kv.Key, kv => DeployFiles.ParseMapping(kv.Value));

    /// <summary>Rendered text by template file name, including NOTES.txt.</summary>
    public static IReadOnlyDictionary<string, string> RenderText(params (string Path, string Value)[] sets) =>
        HelmPath is null ? RenderWithTestRenderer(sets) : RenderWithHelm(sets);

    /// <summary>Runs helm with <paramref name="arguments"/>; returns exit code and output.</summary>
    public static (int ExitCode, string Output) RunHelm(params string[] arguments)
    {
        var start = new ProcessStartInfo(HelmPath ?? throw new InvalidOperationException("helm is not installed"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var helm = Process.Start(start)!;
        var stdout = helm.StandardOutput.ReadToEndAsync();
        var stderr = helm.StandardError.ReadToEnd();
        helm.WaitForExit();
        return (helm.ExitCode, stdout.Result + stderr);
    }

    private static Dictionary<string, string> RenderWithHelm((string Path, string Value)[] sets)
    {
        var arguments = new List<string> { "template", ReleaseName, Directory, "--namespace", "default" };
        foreach (var (path, value) in sets) arguments.AddRange(["--set", $"{path}={value}"]);
        var (exit, output) = RunHelm([.. arguments]);
        Assert.True(exit == 0, output);
        var result = new Dictionary<string, string>();
        foreach (var document in output.Split("\n---\n").Select(d => d.TrimStart('-', '\n')))
        {
            var source = document.Split('\n')[0];
            if (!source.StartsWith("# Source: ", StringComparison.Ordinal)) continue;
            result[Path.GetFileName(source)] = document;
        }
        // helm template prints no NOTES.txt; render it with the test renderer so its tests still run.
        result["NOTES.txt"] = RenderWithTestRenderer(sets)["NOTES.txt"];
        return result;
    }

    private static Dictionary<string, string> RenderWithTestRenderer((string Path, string Value)[] sets)
    {
        var chart = (Dictionary<string, object?>)YamlText.ToObject(DeployFiles.ParseMapping(File.ReadAllText(Path.Combine(Directory, "Chart.yaml"))))!;
        var values = (Dictionary<string, object?>)YamlText.ToObject(DeployFiles.ParseMapping(File.ReadAllText(Path.Combine(Directory, "values.yaml"))))!;
        foreach (var (path, value) in sets) Set(values, path.Split('.'), YamlText.Scalar(value));
        var root = new Dictionary<string, object?>
        {
            ["Values"] = values,
            ["Chart"] = chart.ToDictionary(kv => char.ToUpperInvariant(kv.Key[0]) + kv.Key[1..], kv => kv.Value),
            ["Release"] = new Dictionary<string, object?> { ["Name"] = ReleaseName, ["Namespace"] = "default", ["Service"] = "Helm" },
        };
        var renderer = new GoTemplateRenderer();
        var templates = System.IO.Directory.GetFiles(Path.Combine(Directory, "templates")).OrderBy(f => f, StringComparer.Ordinal).ToList();
        foreach (var helper in templates.Where(f => Path.GetFileName(f).StartsWith('_'))) renderer.Parse(File.ReadAllText(helper));
        return templates.Where(f => !Path.GetFileName(f).StartsWith('_'))
            .ToDictionary(f => Path.GetFileName(f), f => renderer.Render(File.ReadAllText(f), root));
    }

    private static void Set(Dictionary<string, object?> values, string[] path, object? value)
    {
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (values.GetValueOrDefault(path[i]) is not Dictionary<string, object?> child)
            {
                values[path[i]] = child = [];
            }
            values = child;
        }
        values[path[^1]] = value;
    }

    private static string? FindHelm() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "helm"))
            .FirstOrDefault(File.Exists);
}
