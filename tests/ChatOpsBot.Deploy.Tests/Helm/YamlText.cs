using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatOpsBot.Deploy.Tests.Helm;

/// <summary>Helm's view of YAML for the test renderer: values as plain objects, <c>toYaml</c> and <c>quote</c>.</summary>
internal static partial class YamlText
{
    /// <summary>A YAML document as dictionaries, lists and typed scalars (plain scalars become bool, long or null).</summary>
    public static object? ToObject(YamlNode node) => node switch
    {
        YamlMappingNode m => m.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ToObject(kv.Value)),
        YamlSequenceNode s => s.Children.Select(ToObject).ToList(),
        YamlScalarNode { Style: ScalarStyle.Plain } p => Scalar(p.Value ?? ""),
        YamlScalarNode q => q.Value,
        _ => throw new FormatException("unsupported YAML node"),
    };

    /// <summary>Types a plain scalar the way Helm (and <c>--set</c>) does.</summary>
    public static object? Scalar(string text) => text switch
    {
        "" or "~" or "null" => null,
        "true" => true,
        "false" => false,
        _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        _ => text,
    };

    public static string Quote(string text) => JsonSerializer.Serialize(text);

    /// <summary>Block YAML with sorted keys and no trailing newline, like Helm's toYaml.</summary>
    public static string ToYaml(object? value)
    {
        var output = new StringBuilder();
        Emit(value, 0, output);
        return output.ToString().TrimEnd('\n');
    }

    private static void Emit(object? value, int indent, StringBuilder output)
    {
        var pad = new string(' ', indent);
        switch (value)
        {
            case IDictionary<string, object?> { Count: 0 }:
                output.Append(pad).Append("{}\n");
                break;
            case IList<object?> { Count: 0 }:
                output.Append(pad).Append("[]\n");
                break;
            case IDictionary<string, object?> map:
                foreach (var (key, child) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    output.Append(pad).Append(ScalarText(key)).Append(':');
                    if (IsBlock(child))
                    {
                        output.Append('\n');
                        Emit(child, child is IList<object?> ? indent : indent + 2, output);
                    }
                    else output.Append(' ').Append(ScalarText(child)).Append('\n');
                }
                break;
            case IList<object?> list:
                foreach (var item in list)
                {
                    if (!IsBlock(item))
                    {
                        output.Append(pad).Append("- ").Append(ScalarText(item)).Append('\n');
                        continue;
                    }
                    var inner = new StringBuilder();
                    Emit(item, indent + 2, inner);
                    output.Append(pad).Append("- ").Append(inner.ToString()[(indent + 2)..]);
                }
                break;
            default:
                output.Append(pad).Append(ScalarText(value)).Append('\n');
                break;
        }
    }

    private static bool IsBlock(object? value) =>
        value is IDictionary<string, object?> { Count: > 0 } or IList<object?> { Count: > 0 };

    private static string ScalarText(object? value) => value switch
    {
        null => "null",
        IDictionary<string, object?> => "{}",
        IList<object?> => "[]",
        string s when NeedsQuotes(s) => Quote(s),
        _ => GoTemplateRenderer.Print(value),
    };

    // A string that would read back as something else (or not at all) as a plain scalar.
    private static bool NeedsQuotes(string s) =>
        s.Length == 0 || Scalar(s) is not string || PlainUnsafe().IsMatch(s) || double.TryParse(s, CultureInfo.InvariantCulture, out _);

    [GeneratedRegex(@"^[\s\-?:,\[\]{}#&*!|>'""%@`]|: | #|\s$|\n|^(yes|no|on|off|y|n)$", RegexOptions.IgnoreCase)]
    private static partial Regex PlainUnsafe();
}
