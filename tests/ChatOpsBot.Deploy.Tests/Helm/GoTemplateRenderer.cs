using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Deploy.Tests.Helm;

/// <summary>
/// A test-only renderer for the subset of Go templates (and Helm functions) the chart uses, for machines
/// without <c>helm</c>: text and trim markers, comments, <c>define</c>/<c>include</c>, <c>if</c>/<c>else</c>,
/// <c>with</c>, <c>range</c> over lists and maps, <c>$var :=</c>, pipelines and parenthesised calls, and the
/// functions default, trunc, trimSuffix, printf, replace, contains, quote, toYaml, nindent, indent, not.
/// Anything else throws, so the chart stays inside what this renderer checks.
/// </summary>
internal sealed partial class GoTemplateRenderer
{
    private readonly Dictionary<string, List<Node>> _defines = [];

    /// <summary>Parses <paramref name="template"/>, keeps its <c>define</c>s, and returns its top-level nodes.</summary>
    public List<Node> Parse(string template)
    {
        var tokens = Lex(template);
        var position = 0;
        var nodes = ParseList(tokens, ref position, out var stop);
        if (stop is not null) throw new FormatException($"unexpected {{{{{stop}}}}}");
        return nodes;
    }

    public string Render(string template, object? dot)
    {
        var output = new StringBuilder();
        Execute(Parse(template), new Scope(dot, dot), output);
        return output.ToString();
    }

    // ---- lexing: text and actions, with {{- and -}} trimming and comments dropped ----

    private abstract record Token;
    private sealed record TextToken(string Text) : Token;
    private sealed record ActionToken(string Body) : Token;

    private static List<Token> Lex(string template)
    {
        var tokens = new List<Token>();
        var at = 0;
        var trimNext = false;
        while (at < template.Length)
        {
            var open = template.IndexOf("{{", at, StringComparison.Ordinal);
            var text = open < 0 ? template[at..] : template[at..open];
            if (trimNext) text = text.TrimStart();
            if (open < 0)
            {
                tokens.Add(new TextToken(text));
                break;
            }
            var close = template.IndexOf("}}", open, StringComparison.Ordinal);
            if (close < 0) throw new FormatException("unclosed action");
            var body = template[(open + 2)..close];
            if (body.StartsWith("- ", StringComparison.Ordinal)) { text = text.TrimEnd(); body = body[2..]; }
            trimNext = body.EndsWith(" -", StringComparison.Ordinal);
            if (trimNext) body = body[..^2];
            tokens.Add(new TextToken(text));
            body = body.Trim();
            if (!(body.StartsWith("/*", StringComparison.Ordinal) && body.EndsWith("*/", StringComparison.Ordinal))) tokens.Add(new ActionToken(body));
            at = close + 2;
        }
        return tokens;
    }

    // ---- parsing into nodes ----

    internal abstract record Node;
    private sealed record TextNode(string Text) : Node;
    private sealed record ActionNode(string? Variable, Pipeline Pipeline) : Node;
    private sealed record IfNode(bool With, Pipeline Condition, List<Node> Then, List<Node> Else) : Node;
    private sealed record RangeNode(string? KeyVariable, string? ValueVariable, Pipeline Items, List<Node> Body) : Node;

    private List<Node> ParseList(List<Token> tokens, ref int position, out string? stop)
    {
        var nodes = new List<Node>();
        while (position < tokens.Count)
        {
            var token = tokens[position++];
            if (token is TextToken t) { nodes.Add(new TextNode(t.Text)); continue; }
            var body = ((ActionToken)token).Body;
            var word = body.Split(' ', 2)[0];
            var rest = body.Length > word.Length ? body[word.Length..].Trim() : "";
            switch (word)
            {
                case "end" or "else":
                    stop = body;
                    return nodes;
                case "if" or "with":
                    var then = ParseList(tokens, ref position, out var thenStop);
                    var otherwise = thenStop == "else" ? ParseList(tokens, ref position, out thenStop) : [];
                    Expect(thenStop, "end");
                    nodes.Add(new IfNode(word == "with", ParsePipeline(rest), then, otherwise));
                    break;
                case "range":
                    var m = RangeVariables().Match(rest);
                    var items = m.Success ? rest[m.Length..] : rest;
                    var loop = ParseList(tokens, ref position, out var loopStop);
                    Expect(loopStop, "end");
                    nodes.Add(new RangeNode(
                        m.Success && m.Groups["v"].Success ? m.Groups["k"].Value : null,
                        m.Success ? (m.Groups["v"].Success ? m.Groups["v"].Value : m.Groups["k"].Value) : null,
                        ParsePipeline(items), loop));
                    break;
                case "define":
                    var name = ParsePipeline(rest).Commands.Single().Operands.Single() is Literal { Value: string s } ? s : throw new FormatException(body);
                    var definition = ParseList(tokens, ref position, out var defineStop);
                    Expect(defineStop, "end");
                    _defines[name] = definition;
                    break;
                default:
                    var declaration = Declaration().Match(body);
                    nodes.Add(declaration.Success
                        ? new ActionNode(declaration.Groups["var"].Value, ParsePipeline(body[declaration.Length..]))
                        : new ActionNode(null, ParsePipeline(body)));
                    break;
            }
        }
        stop = null;
        return nodes;
    }

    private static void Expect(string? actual, string expected)
    {
        if (actual != expected) throw new FormatException($"expected {{{{{expected}}}}}, found {(actual is null ? "end of template" : "{{" + actual + "}}")}");
    }

    // ---- expressions ----

    internal sealed record Pipeline(List<Command> Commands);
    internal sealed record Command(List<Operand> Operands);
    internal abstract record Operand;
    private sealed record Literal(object? Value) : Operand;
    private sealed record Field(string[] Path) : Operand;
    private sealed record Variable(string Name, string[] Path) : Operand;
    private sealed record Function(string Name) : Operand;
    private sealed record Sub(Pipeline Pipeline) : Operand;

    private static Pipeline ParsePipeline(string text)
    {
        var at = 0;
        var pipeline = ParsePipeline(text, ref at);
        if (at < text.Length) throw new FormatException($"unexpected '{text[at..]}' in '{text}'");
        return pipeline;
    }

    private static Pipeline ParsePipeline(string text, ref int at)
    {
        var commands = new List<Command> { new([]) };
        while (true)
        {
            while (at < text.Length && text[at] == ' ') at++;
            if (at >= text.Length || text[at] == ')') break;
            var c = text[at];
            if (c == '|') { commands.Add(new([])); at++; continue; }
            Operand operand;
            if (c == '(')
            {
                at++;
                operand = new Sub(ParsePipeline(text, ref at));
                if (at >= text.Length || text[at] != ')') throw new FormatException("missing ) in " + text);
                at++;
            }
            else if (c == '"')
            {
                var literal = new StringBuilder();
                for (at++; text[at] != '"'; at++)
                {
                    if (text[at] == '\\') { at++; literal.Append(text[at] switch { 'n' => '\n', 't' => '\t', var x => x }); }
                    else literal.Append(text[at]);
                }
                at++;
                operand = new Literal(literal.ToString());
            }
            else
            {
                var start = at;
                while (at < text.Length && text[at] is not (' ' or '|' or '(' or ')')) at++;
                var word = text[start..at];
                operand = word switch
                {
                    "." => new Field([]),
                    "true" => new Literal(true),
                    "false" => new Literal(false),
                    "nil" => new Literal(null),
                    _ when word[0] == '.' => new Field(word[1..].Split('.')),
                    _ when word[0] == '$' => new Variable(word.Split('.')[0], word.Split('.')[1..]),
                    _ when long.TryParse(word, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => new Literal(n),
                    _ => new Function(word),
                };
            }
            commands[^1].Operands.Add(operand);
        }
        if (commands.Any(c => c.Operands.Count == 0)) throw new FormatException("empty command in " + text);
        return new Pipeline(commands);
    }

    // ---- execution ----

    private sealed class Scope(object? root, object? dot)
    {
        public object? Dot { get; } = dot;
        public Dictionary<string, object?> Variables { get; } = new() { ["$"] = root };

        public Scope With(object? newDot)
        {
            var scope = new Scope(Variables["$"], newDot);
            foreach (var (k, v) in Variables) scope.Variables[k] = v;
            return scope;
        }
    }

    private void Execute(List<Node> nodes, Scope scope, StringBuilder output)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode t:
                    output.Append(t.Text);
                    break;
                case ActionNode { Variable: { } name } a:
                    scope.Variables[name] = Evaluate(a.Pipeline, scope);
                    break;
                case ActionNode a:
                    output.Append(Print(Evaluate(a.Pipeline, scope)));
                    break;
                case IfNode i:
                    var value = Evaluate(i.Condition, scope);
                    if (Truthy(value)) Execute(i.Then, i.With ? scope.With(value) : scope, output);
                    else Execute(i.Else, scope, output);
                    break;
                case RangeNode r:
                    foreach (var (key, item) in Enumerate(Evaluate(r.Items, scope)))
                    {
                        var inner = scope.With(item);
                        if (r.KeyVariable is not null) inner.Variables[r.KeyVariable] = key;
                        if (r.ValueVariable is not null) inner.Variables[r.ValueVariable] = item;
                        Execute(r.Body, inner, output);
                    }
                    break;
            }
        }
    }

    private static IEnumerable<(object? Key, object? Item)> Enumerate(object? items) => items switch
    {
        null => [],
        // Go ranges over a map in key order.
        IDictionary<string, object?> map => map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => ((object?)kv.Key, kv.Value)),
        IList<object?> list => list.Select((item, i) => ((object?)(long)i, item)),
        _ => throw new FormatException($"cannot range over {items.GetType().Name}"),
    };

    private object? Evaluate(Pipeline pipeline, Scope scope)
    {
        object? piped = null;
        var first = true;
        foreach (var command in pipeline.Commands)
        {
            piped = Evaluate(command, scope, first ? null : new[] { piped });
            first = false;
        }
        return piped;
    }

    private object? Evaluate(Command command, Scope scope, object?[]? piped)
    {
        if (command.Operands[0] is Function f)
        {
            var args = command.Operands.Skip(1).Select(o => Evaluate(o, scope)).Concat(piped ?? []).ToArray();
            return Call(f.Name, args);
        }
        if (command.Operands.Count != 1 || piped is not null) throw new FormatException("a value cannot take arguments");
        return Evaluate(command.Operands[0], scope);
    }

    private object? Evaluate(Operand operand, Scope scope) => operand switch
    {
        Literal l => l.Value,
        Field f => Walk(scope.Dot, f.Path),
        Variable v => Walk(scope.Variables.TryGetValue(v.Name, out var value) ? value : throw new FormatException($"undefined variable {v.Name}"), v.Path),
        Sub s => Evaluate(s.Pipeline, scope),
        Function f => Call(f.Name, []),
        _ => throw new InvalidOperationException(),
    };

    private static object? Walk(object? value, string[] path)
    {
        foreach (var key in path)
        {
            value = value switch
            {
                null => null,
                IDictionary<string, object?> map => map.TryGetValue(key, out var child) ? child : null,
                _ => throw new FormatException($"cannot read .{key} of {value.GetType().Name}"),
            };
        }
        return value;
    }

    private object? Call(string name, object?[] a) => name switch
    {
        "include" => Include((string)a[0]!, a[1]),
        "default" => Truthy(a[1]) ? a[1] : a[0],
        "trunc" => Print(a[1]) is var s && s.Length > (long)a[0]! ? s[..(int)(long)a[0]!] : Print(a[1]),
        "trimSuffix" => Print(a[1]).EndsWith((string)a[0]!, StringComparison.Ordinal) ? Print(a[1])[..^((string)a[0]!).Length] : Print(a[1]),
        "printf" => Printf((string)a[0]!, a[1..]),
        "replace" => Print(a[2]).Replace((string)a[0]!, (string)a[1]!, StringComparison.Ordinal),
        "contains" => Print(a[1]).Contains(Print(a[0]), StringComparison.Ordinal),
        "quote" => YamlText.Quote(Print(a[0])),
        "toYaml" => YamlText.ToYaml(a[0]),
        "indent" => Indent(Print(a[1]), (long)a[0]!),
        "nindent" => "\n" + Indent(Print(a[1]), (long)a[0]!),
        "not" => !Truthy(a[0]),
        _ => throw new FormatException($"function '{name}' is not supported by the test renderer"),
    };

    private string Include(string name, object? dot)
    {
        var output = new StringBuilder();
        Execute(_defines.TryGetValue(name, out var body) ? body : throw new FormatException($"no template '{name}'"), new Scope(dot, dot), output);
        return output.ToString();
    }

    private static string Printf(string format, object?[] args)
    {
        var i = 0;
        return PrintfVerb().Replace(format, _ => Print(args[i++]));
    }

    private static string Indent(string text, long by) =>
        string.Join('\n', text.Split('\n').Select(line => new string(' ', (int)by) + line));

    internal static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        long n => n != 0,
        double d => d != 0,
        string s => s.Length > 0,
        System.Collections.ICollection c => c.Count > 0,
        _ => true,
    };

    internal static string Print(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string s => s,
        _ => YamlText.ToYaml(value),
    };

    [GeneratedRegex(@"^(?<k>\$\w+)(\s*,\s*(?<v>\$\w+))?\s*:=\s*")]
    private static partial Regex RangeVariables();

    [GeneratedRegex(@"^(?<var>\$\w+)\s*:=\s*")]
    private static partial Regex Declaration();

    [GeneratedRegex("%[svd]")]
    private static partial Regex PrintfVerb();
}
