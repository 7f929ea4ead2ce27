using YamlDotNet.RepresentationModel;

namespace ChatOpsBot.Deploy.Tests;

/// <summary>Short paths into parsed YAML: <c>node.At("spec", "template")</c>.</summary>
internal static class YamlNodes
{
    public static YamlNode At(this YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            var mapping = Assert.IsType<YamlMappingNode>(node);
            Assert.True(mapping.Children.TryGetValue(new YamlScalarNode(key), out var child), $"missing key '{key}' in {mapping}");
            node = child!;
        }
        return node;
    }

    public static YamlNode? Find(this YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var child)) return null;
            node = child;
        }
        return node;
    }

    public static string Text(this YamlNode node) => Assert.IsType<YamlScalarNode>(node).Value ?? "";

    public static IEnumerable<YamlNode> Items(this YamlNode node) => Assert.IsType<YamlSequenceNode>(node).Children;

    public static IEnumerable<string> Keys(this YamlNode node) =>
        Assert.IsType<YamlMappingNode>(node).Children.Keys.Select(k => ((YamlScalarNode)k).Value ?? "");

    /// <summary>Environment entries as name → value, from either a mapping or a list of NAME=value.</summary>
    public static IReadOnlyDictionary<string, string> EnvironmentMap(this YamlNode node) => node switch
    {
        YamlMappingNode m => m.Children.ToDictionary(kv => kv.Key.Text(), kv => kv.Value.Text()),
        YamlSequenceNode s => s.Children.Select(c => c.Text().Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : ""),
        _ => throw new InvalidOperationException("environment must be a mapping or a list"),
    };
}
