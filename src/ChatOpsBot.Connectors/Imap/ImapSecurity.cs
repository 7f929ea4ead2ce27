namespace ChatOpsBot.Connectors.Imap;

/// <summary>How the IMAP connection is protected (configuration key <c>Imap:Security</c>).</summary>
public enum ImapSecurity
{
    /// <summary>TLS from the first byte (IMAPS, port 993). The default.</summary>
    SslOnConnect,

    /// <summary>Plain connection upgraded with STARTTLS (port 143); refused if the server does not offer it.</summary>
    StartTls,

    /// <summary>No TLS at all: passwords travel in clear, so only allowed towards a loopback host (tests, a local relay).</summary>
    None,
}
