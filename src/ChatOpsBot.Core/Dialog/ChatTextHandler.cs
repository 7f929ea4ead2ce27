using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace ChatOpsBot.Core.Dialog;

/// <summary>
/// Builds channel text from an interpolated string: the literal parts are <see cref="TextKind.Template"/> (the
/// renderer's own markup), every hole is <see cref="TextKind.Outside"/> unless it already is a <see cref="ChatText"/>.
/// A renderer takes one as a parameter (<c>SlackText.Mrkdwn($"*{label}*\n{value}")</c>), so a hole cannot be forgotten
/// or escaped twice.
/// </summary>
[InterpolatedStringHandler]
public readonly struct ChatTextHandler
{
    private readonly List<ChatText> _parts;

    /// <summary>Called by the compiler.</summary>
    public ChatTextHandler(int literalLength, int formattedCount) => _parts = new List<ChatText>(formattedCount * 2 + 1);

    /// <summary>The pieces in order.</summary>
    public IReadOnlyList<ChatText> Parts => _parts ?? [];

    /// <summary>A literal part: template text.</summary>
    public void AppendLiteral(string value) => _parts.Add(ChatText.Template(value));

    /// <summary>A hole: outside text (formatted with the invariant culture).</summary>
    public void AppendFormatted<T>(T value) => _parts.Add(value switch
    {
        ChatText text => text,
        IFormattable formattable => ChatText.Outside(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => ChatText.Outside(value?.ToString()),
    });

    /// <summary>A hole with a format string: outside text.</summary>
    public void AppendFormatted<T>(T value, string? format) where T : IFormattable =>
        _parts.Add(ChatText.Outside(value.ToString(format, CultureInfo.InvariantCulture)));

    /// <summary>The text for a channel: template parts as they are, outside parts through <paramref name="escapeOutside"/>.</summary>
    public string Render(Func<string, string> escapeOutside)
    {
        var sb = new StringBuilder();
        foreach (var part in Parts) sb.Append(part.Render(escapeOutside));
        return sb.ToString();
    }
}
