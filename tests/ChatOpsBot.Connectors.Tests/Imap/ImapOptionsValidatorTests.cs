using ChatOpsBot.Connectors.Imap;

namespace ChatOpsBot.Connectors.Tests.Imap;

public sealed class ImapOptionsValidatorTests
{
    private readonly ImapOptionsValidator _validator = new();

    [Fact]
    public void Validate_NoCredentials_FailsNamingTheKeys()
    {
        var result = _validator.Validate(null, new ImapOptions { Host = "imap.corp.example" });

        Assert.True(result.Failed);
        Assert.Contains("Imap:MasterUser", result.FailureMessage);
        Assert.Contains("Imap:Passwords", result.FailureMessage);
    }

    [Fact]
    public void Validate_PlaintextToRemoteHost_Fails()
    {
        var result = _validator.Validate(null, new ImapOptions { Host = "imap.corp.example", Security = ImapSecurity.None, MasterUser = "m", MasterPassword = "p" });

        Assert.True(result.Failed);
        Assert.Contains("Imap:Security None", result.FailureMessage);
    }

    [Fact]
    public void Validate_MasterUserWithoutPassword_FailsWithoutEchoingSecrets()
    {
        var result = _validator.Validate(null, new ImapOptions { Host = "imap.corp.example", MasterUser = "m" });

        Assert.True(result.Failed);
        Assert.Contains("Imap:MasterPassword", result.FailureMessage);
    }

    [Fact]
    public void Validate_TlsWithMasterUser_Succeeds()
    {
        var result = _validator.Validate(null, new ImapOptions { Host = "imap.corp.example", MasterUser = "m", MasterPassword = "p" });

        Assert.True(result.Succeeded);
    }
}
