using System.Text;
using MimeKit;

namespace ChatOpsBot.Connectors.Common.Mime;

/// <summary>
/// The character sets real mail is written in. .NET ships only the UTF encodings, ASCII and Latin-1; without the
/// code pages MimeKit decodes windows-1254 (Turkish), koi8-r, gb2312 ... as Latin-1 ("Vakýf" for "Vakıf").
/// UTF-7 is no code page: .NET refuses it by name, so its parts are decoded here explicitly.
/// </summary>
internal static class MailEncodings
{
    // Decoding only, of parts that declare it: what old clients and phishing kits send. The runtime disables UTF-7
    // by name because *accepting it implicitly* smuggles markup past filters; here it is chosen by the part's charset.
#pragma warning disable SYSLIB0001
    private static readonly Encoding Utf7 = new UTF7Encoding(allowOptionals: true);
#pragma warning restore SYSLIB0001

    private static readonly HashSet<string> Utf7Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "utf-7", "utf7", "unicode-1-1-utf-7", "unicode-2-0-utf-7", "x-unicode-1-1-utf-7", "x-unicode-2-0-utf-7", "csunicode11utf7",
    };

    /// <summary>
    /// Makes the code-page encodings available to MimeKit. Process-wide and idempotent; must run before the first
    /// message is parsed (MimeKit remembers a charset it could not find), so every mailbox calls it when built.
    /// </summary>
    public static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The part's text, decoded by its declared charset (UTF-7 included).</summary>
    public static string Text(TextPart part) =>
        part.ContentType.Charset is { } charset && Utf7Names.Contains(charset.Trim()) ? part.GetText(Utf7) : part.Text;
}
