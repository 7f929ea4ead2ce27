using System.Text.RegularExpressions;

namespace ChatOpsBot.Composition.Logging;

/// <summary>What counts as a secret in a log event: property names that look secret and token shapes inside text.</summary>
public static partial class SecretMasking
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "***";

    /// <summary>True when a property (or a structure's member) called <paramref name="name"/> holds a secret as a whole.</summary>
    public static bool IsSecretName(string name) => SecretName().IsMatch(name) && !ConnectionStringName().IsMatch(name);

    /// <summary><paramref name="text"/> with Slack tokens, bearer/basic credentials, connection-string passwords, URL passwords and key=value secrets masked.</summary>
    public static string MaskText(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        text = SlackToken().Replace(text, Mask);
        text = AuthorizationCredential().Replace(text, m => $"{m.Groups["scheme"].Value} {Mask}");
        text = PasswordAssignment().Replace(text, m => $"{m.Groups["key"].Value}{m.Groups["eq"].Value}{Mask}");
        text = UrlPassword().Replace(text, m => $"{m.Groups["user"].Value}:{Mask}@");
        return text;
    }

    [GeneratedRegex(@"token|secret|passw(or)?d|pwd|api[_-]?key|authorization|signature|credential|cookie|connection[_-]?string", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    // Connection strings stay readable (server, database); only their password part is masked, by MaskText.
    [GeneratedRegex(@"connection[_-]?string", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionStringName();

    [GeneratedRegex(@"\b(?:xox[abprs]|xapp)-[A-Za-z0-9-]+", RegexOptions.CultureInvariant)]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"\b(?<scheme>Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationCredential();

    // Password=...; in connection strings and token=..., api_key: ... in query strings, headers and JSON-ish text.
    [GeneratedRegex(@"(?<key>\b(?:password|pwd|passwd|api[_-]?key|access[_-]?token|client[_-]?secret|secret|token)""?)(?<eq>\s*[=:]\s*""?)(?:'[^']*'|""[^""]*""|[^;&\s""',}]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordAssignment();

    [GeneratedRegex(@"(?<user>://[^/\s:@]+):[^@\s/]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();
}
