namespace ChatOpsBot.Connectors.Imap;

/// <summary>Settings for reading users' mailboxes over IMAP (configuration section <c>Imap</c>).</summary>
public sealed class ImapOptions
{
    public const string SectionName = "Imap";

    /// <summary>Server host name. Required when <c>Mail:Provider</c> is <c>Imap</c>.</summary>
    public string Host { get; set; } = "";

    /// <summary>Server port; 0 (the default) picks 993 for <see cref="ImapSecurity.SslOnConnect"/>, 143 otherwise.</summary>
    public int Port { get; set; }

    /// <summary>Transport protection. Default <see cref="ImapSecurity.SslOnConnect"/>. Certificates are always verified.</summary>
    public ImapSecurity Security { get; set; } = ImapSecurity.SslOnConnect;

    /// <summary>Optional PEM file of the CA that signed the server's certificate (a private CA); trusted in addition to the system store.</summary>
    public string? CaCertificateFile { get; set; }

    /// <summary>Folder read for every user. Default <c>INBOX</c>.</summary>
    public string Folder { get; set; } = "INBOX";

    /// <summary>Composite format turning an inventory user into an IMAP login ({0} = user), e.g. <c>{0}@corp.example</c>. Default <c>{0}</c>.</summary>
    public string LoginFormat { get; set; } = "{0}";

    /// <summary>A master user that may open every mailbox (Dovecot master users, Exchange impersonation); logs in as <c>login{MasterSeparator}master</c>.</summary>
    public string? MasterUser { get; set; }

    /// <summary>The master user's password. Secret: set it in the environment (<c>Imap__MasterPassword</c>).</summary>
    public string? MasterPassword { get; set; }

    /// <summary>Separator between the user and the master user in the login. Default <c>*</c> (Dovecot's usual one).</summary>
    public string MasterSeparator { get; set; } = "*";

    /// <summary>Per-user passwords (inventory user → password), used when no master user is set. Secrets: environment <c>Imap__Passwords__alice</c>.</summary>
    public Dictionary<string, string> Passwords { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>User whose mailbox the <c>check</c> command opens. Default: the first user of <see cref="Passwords"/>.</summary>
    public string? CheckUser { get; set; }

    /// <summary>Time allowed for each network operation, 1–300 s. Default 30.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    internal int EffectivePort => Port != 0 ? Port : Security == ImapSecurity.SslOnConnect ? 993 : 143;

    internal bool UsesMasterUser => !string.IsNullOrEmpty(MasterUser);
}
