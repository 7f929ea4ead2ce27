using System.Security.Cryptography;
using System.Text;
using ChatOpsBot.Connectors.Imap;
using MailKit;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace ChatOpsBot.Connectors.Tests.Imap;

public sealed class ImapMailboxTests(DovecotServer dovecot) : IClassFixture<DovecotServer>
{
    private static readonly byte[] Payload = Encoding.ASCII.GetBytes("PK\u0003\u0004 fake docm macro payload");
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [DovecotFact]
    public async Task ListRecentAsync_MailsDeliveredToDovecot_ReturnsRecentOnesWithLinksAndAttachmentHashes()
    {
        var user = "alice";
        await dovecot.DeliverAsync(user, Mail("Old newsletter", "https://old.example/", null), Now.AddDays(-10));
        await dovecot.DeliverAsync(user, Mail("Invoice", "Pay here: https://pay.evil.example/inv?id=7.", ("invoice.docm", Payload)), Now.AddHours(-2));
        await dovecot.DeliverAsync(user, Mail("Team lunch", null, null, html: "<a href=\"http://lunch.example/menu?a=1&amp;b=2\">menu</a>"), Now.AddHours(-1));

        var mails = await Mailbox().ListRecentAsync(user, Now.AddDays(-3), Now, CancellationToken.None);

        Assert.Equal(["Team lunch", "Invoice"], mails.Select(m => m.Subject));
        var invoice = mails[1];
        var attachment = Assert.Single(invoice.Attachments);
        Assert.Equal("invoice.docm", attachment.FileName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Payload)), attachment.Sha256);
        Assert.Equal(Payload.Length, attachment.Size);
        Assert.Equal(["https://pay.evil.example/inv?id=7"], invoice.Links);
        Assert.Equal("billing@vendor.example", invoice.From);
        Assert.Equal(Now.AddHours(-2).ToUnixTimeSeconds(), invoice.Received.ToUnixTimeSeconds());
        Assert.Equal(["http://lunch.example/menu?a=1&b=2"], mails[0].Links);
        Assert.Matches(@"^\d+-\d+$", invoice.MessageId);

        // Read with EXAMINE and BODY.PEEK: the user still sees every mail as unread.
        Assert.All(await dovecot.FlagsAsync(user), flags => Assert.False(flags.HasFlag(MessageFlags.Seen)));
    }

    [DovecotFact]
    public async Task ListRecentAsync_WindowInThePast_LeavesOutMailDeliveredAfterIt()
    {
        // A replay of last week: mail that arrived since must not be read, by the server search or after it.
        await dovecot.DeliverAsync("dave", Mail("Before the window", null, null), Now.AddDays(-12));
        await dovecot.DeliverAsync("dave", Mail("In the window", "https://in.example/", null), Now.AddDays(-8));
        await dovecot.DeliverAsync("dave", Mail("Hours after it", "https://late.example/", null), Now.AddDays(-7).AddHours(5));
        await dovecot.DeliverAsync("dave", Mail("This week", "https://now.example/", null), Now.AddHours(-1));

        var mails = await Mailbox().ListRecentAsync("dave", Now.AddDays(-10), Now.AddDays(-7), CancellationToken.None);

        Assert.Equal(["In the window"], mails.Select(m => m.Subject));
    }

    [DovecotFact]
    public async Task ExportRawAsync_ListedMessage_ReturnsTheDeliveredMessage()
    {
        var sent = Mail("Export me", "see https://x.example/", ("a.bin", Payload));
        await dovecot.DeliverAsync("bob", sent, Now.AddMinutes(-5));
        var mailbox = Mailbox();
        var listed = (await mailbox.ListRecentAsync("bob", Now.AddDays(-1), Now, CancellationToken.None)).Single(m => m.Subject == "Export me");

        var raw = await mailbox.ExportRawAsync("bob", listed.MessageId, CancellationToken.None);

        using var parsed = await MimeMessage.LoadAsync(new MemoryStream(raw));
        Assert.Equal(sent.MessageId, parsed.MessageId);
        Assert.Equal("Export me", parsed.Subject);
        using var decoded = new MemoryStream();
        await ((MimePart)parsed.Attachments.Single()).Content!.DecodeToAsync(decoded);
        Assert.Equal(Payload, decoded.ToArray());
    }

    [DovecotFact]
    public async Task ListRecentAsync_MasterUser_OpensAnotherUsersMailbox()
    {
        await dovecot.DeliverAsync("bob", Mail("For bob via master", null, null), Now.AddMinutes(-3));
        var mailbox = Mailbox(o =>
        {
            o.Passwords.Clear();
            o.MasterUser = DovecotServer.MasterUser;
            o.MasterPassword = DovecotServer.MasterPassword;
        });

        var mails = await mailbox.ListRecentAsync("bob", Now.AddDays(-1), Now, CancellationToken.None);

        Assert.Contains(mails, m => m.Subject == "For bob via master");
    }

    [DovecotFact]
    public async Task ListRecentAsync_WrongPassword_ThrowsTypedErrorWithoutThePassword()
    {
        var mailbox = Mailbox(o => o.Passwords["alice"] = "wrong-pw-123");

        var error = await Assert.ThrowsAsync<ImapMailboxException>(() => mailbox.ListRecentAsync("alice", Now.AddDays(-1), Now, CancellationToken.None));

        Assert.Contains("refused the login for 'alice'", error.Message);
        Assert.DoesNotContain("wrong-pw-123", error.ToString());
    }

    [DovecotFact]
    public async Task ListRecentAsync_UserWithoutPassword_ThrowsNamingTheKey()
    {
        var error = await Assert.ThrowsAsync<ImapMailboxException>(() => Mailbox().ListRecentAsync("carol", Now.AddDays(-1), Now, CancellationToken.None));

        Assert.Contains("Imap:Passwords:carol", error.Message);
    }

    [DovecotFact]
    public async Task ExportRawAsync_UnknownUidOrStaleValidity_ThrowsTypedError()
    {
        var validity = await dovecot.UidValidityAsync("alice");
        var mailbox = Mailbox();

        await Assert.ThrowsAsync<ImapMailboxException>(() => mailbox.ExportRawAsync("alice", $"{validity}-999999", CancellationToken.None));
        await Assert.ThrowsAsync<ImapMailboxException>(() => mailbox.ExportRawAsync("alice", $"{validity + 1}-1", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => mailbox.ExportRawAsync("alice", "../etc/passwd", CancellationToken.None));
    }

    [DovecotFact]
    public async Task CheckAsync_GoodAndBadCredentials_ReportHealthWithoutSecrets()
    {
        var good = await Check().CheckAsync(CancellationToken.None);
        var bad = await Check(o => o.Passwords["alice"] = "wrong-pw-456").CheckAsync(CancellationToken.None);
        var down = await Check(o => o.Port = FreePort()).CheckAsync(CancellationToken.None);

        Assert.True(good.Healthy, good.Message);
        Assert.Contains("logged in as 'alice'", good.Message);
        Assert.False(bad.Healthy);
        Assert.DoesNotContain("wrong-pw-456", bad.Message);
        Assert.False(down.Healthy);
        Assert.Contains("could not be reached", down.Message);
    }

    private ImapMailbox Mailbox(Action<ImapOptions>? configure = null)
    {
        var options = Microsoft.Extensions.Options.Options.Create(Build(configure));
        return new ImapMailbox(new ImapSessions(options), options, NullLogger<ImapMailbox>.Instance);
    }

    private ImapConnectorCheck Check(Action<ImapOptions>? configure = null)
    {
        var options = Microsoft.Extensions.Options.Options.Create(Build(configure));
        return new ImapConnectorCheck(new ImapSessions(options), options);
    }

    private ImapOptions Build(Action<ImapOptions>? configure)
    {
        var options = new ImapOptions
        {
            Host = "127.0.0.1",
            Port = dovecot.Port,
            Security = ImapSecurity.None,
            TimeoutSeconds = 10,
            Passwords = new Dictionary<string, string>(DovecotServer.Passwords, StringComparer.OrdinalIgnoreCase),
        };
        configure?.Invoke(options);
        return options;
    }

    private static MimeMessage Mail(string subject, string? text, (string Name, byte[] Content)? attachment, string? html = null)
    {
        var builder = new BodyBuilder { TextBody = text, HtmlBody = html };
        if (attachment is { } a)
            builder.Attachments.Add(a.Name, a.Content);
        var message = new MimeMessage
        {
            Subject = subject,
            Date = Now,
            Body = builder.ToMessageBody(),
        };
        message.From.Add(MailboxAddress.Parse("billing@vendor.example"));
        message.To.Add(MailboxAddress.Parse("alice@corp.example"));
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("test.example");
        return message;
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
