using System.Net;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Imap;

/// <summary>Fails start-up on an IMAP configuration that could never log in, naming the key to fix.</summary>
internal sealed class ImapOptionsValidator : IValidateOptions<ImapOptions>
{
    public ValidateOptionsResult Validate(string? name, ImapOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
            failures.Add("Imap:Host must be set to the IMAP server's host name");
        if (options.Port is < 0 or > 65535)
            failures.Add($"Imap:Port {options.Port} is not a port (1–65535, or 0 for the default)");
        if (options.TimeoutSeconds is < 1 or > 300)
            failures.Add("Imap:TimeoutSeconds must be between 1 and 300");
        if (string.IsNullOrWhiteSpace(options.Folder))
            failures.Add("Imap:Folder must not be empty");
        if (!options.LoginFormat.Contains("{0}", StringComparison.Ordinal))
            failures.Add("Imap:LoginFormat must contain {0} (the inventory user)");
        if (options.Security == ImapSecurity.None && !IsLoopback(options.Host))
            failures.Add($"Imap:Security None sends passwords in clear and is only allowed for a loopback Imap:Host, not '{options.Host}'");
        if (!string.IsNullOrEmpty(options.CaCertificateFile) && !File.Exists(options.CaCertificateFile))
            failures.Add($"Imap:CaCertificateFile '{options.CaCertificateFile}' does not exist");
        if (options.UsesMasterUser)
        {
            if (string.IsNullOrEmpty(options.MasterPassword))
                failures.Add("Imap:MasterPassword must be set (environment Imap__MasterPassword) when Imap:MasterUser is set");
            if (string.IsNullOrEmpty(options.MasterSeparator))
                failures.Add("Imap:MasterSeparator must not be empty when Imap:MasterUser is set");
        }
        else if (options.Passwords.Count == 0)
        {
            failures.Add("Imap: set Imap:MasterUser and Imap:MasterPassword, or per-user passwords under Imap:Passwords (environment Imap__Passwords__<user>)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
