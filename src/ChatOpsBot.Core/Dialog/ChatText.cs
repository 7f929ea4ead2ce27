namespace ChatOpsBot.Core.Dialog;

/// <summary>
/// A piece of chat text that carries its <see cref="TextKind"/>. Core hands every string to channels as outside text:
/// it never writes markup, so a renderer escapes each string from Core exactly once and nothing it embeds (a typed
/// <c>&lt;!everyone&gt;</c>, an inventory name with <c>*</c>) can become markup.
/// </summary>
/// <param name="Value">The raw text.</param>
/// <param name="Kind">Template (channel markup) or outside (to be escaped).</param>
public readonly record struct ChatText(string Value, TextKind Kind)
{
    /// <summary>Markup written by a channel renderer.</summary>
    public static ChatText Template(string value) => new(value, TextKind.Template);

    /// <summary>Text from anywhere else; null becomes empty.</summary>
    public static ChatText Outside(string? value) => new(value ?? "", TextKind.Outside);

    /// <summary>The text for a channel: template as is, outside through <paramref name="escapeOutside"/>.</summary>
    public string Render(Func<string, string> escapeOutside)
    {
        ArgumentNullException.ThrowIfNull(escapeOutside);
        return Kind == TextKind.Template ? Value : escapeOutside(Value);
    }
}
