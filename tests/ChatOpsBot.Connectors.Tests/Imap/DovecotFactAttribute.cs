namespace ChatOpsBot.Connectors.Tests.Imap;

/// <summary>A fact that needs a real Dovecot; skipped, saying why, only when the binary is not installed.</summary>
public sealed class DovecotFactAttribute : FactAttribute
{
    public DovecotFactAttribute()
    {
        if (DovecotServer.Binary is null)
            Skip = "dovecot is not installed (apt-get install -y dovecot-imapd); the IMAP tests need a real server";
    }
}
