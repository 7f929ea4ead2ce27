using System.Security.Cryptography;
using System.Text;
using ChatOpsBot.Connectors.Mailboxes;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Core.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ChatOpsBot.Connectors.Tests.Mailboxes;

public sealed class EmlDirectoryMailboxTests : IDisposable
{
    private static readonly DateTimeOffset Nov26 = new(2026, 11, 26, 9, 15, 0, TimeSpan.Zero);
    private static readonly byte[] Payload = Encoding.ASCII.GetBytes("PK\u0003\u0004 fake docm macro payload");

    private readonly TempDirectory _temp = new();
    private readonly EmlDirectoryMailbox _mailbox;

    public EmlDirectoryMailboxTests()
    {
        _mailbox = new EmlDirectoryMailbox(Options.Create(new MailboxOptions { Directory = _temp.Path }), NullLogger<EmlDirectoryMailbox>.Instance);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ListRecentAsync_MailWithAttachment_ReturnsDecodedSha256AndSize()
    {
        Save("jdoe", "phish.eml", Build("Invoice", Nov26, text: "see attached", attachment: ("invoice_2026-11.docm", Payload)));

        var mail = Assert.Single(await _mailbox.ListRecentAsync("jdoe", Nov26.AddDays(-1), Nov26.AddDays(1), CancellationToken.None));

        var attachment = Assert.Single(mail.Attachments);
        Assert.Equal("invoice_2026-11.docm", attachment.FileName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Payload)), attachment.Sha256);
        Assert.Equal(Payload.Length, attachment.Size);
        Assert.Equal("phish.eml", mail.MessageId);
        Assert.Equal("billing@vendor.example", mail.From);
        Assert.Equal(Nov26, mail.Received);
    }

    [Fact]
    public async Task ListRecentAsync_InlinePartWithFileName_CountsAsAttachment()
    {
        var builder = new BodyBuilder { HtmlBody = "<p>logo</p>" };
        var inline = builder.LinkedResources.Add("logo.png", Payload);
        inline.ContentId = "logo";
        Save("jdoe", "inline.eml", Message("Logo", Nov26, builder));

        var mail = Assert.Single(await _mailbox.ListRecentAsync("jdoe", Nov26.AddDays(-1), Nov26.AddDays(1), CancellationToken.None));

        Assert.Equal("logo.png", Assert.Single(mail.Attachments).FileName);
    }

    [Fact]
    public async Task ListRecentAsync_TextAndHtmlLinks_AreExtractedDedupedHttpOnly()
    {
        Save("asmith", "links.eml", Build("Docs", Nov26,
            text: "Open https://portal.example.com/a?x=1&y=2. Or http://portal.example.com/b, thanks",
            html: "<a href=\"https://portal.example.com/a?x=1&amp;y=2\">here</a> <a href=\"mailto:x@y.z\">mail</a> text http://other.example.org/c"));

        var mail = Assert.Single(await _mailbox.ListRecentAsync("asmith", Nov26.AddDays(-1), Nov26.AddDays(1), CancellationToken.None));

        Assert.Equal(["https://portal.example.com/a?x=1&y=2", "http://portal.example.com/b", "http://other.example.org/c"], mail.Links);
    }

    [Fact]
    public async Task ListRecentAsync_OldAndNewMails_FiltersBySinceNewestFirst()
    {
        Save("jdoe", "old.eml", Build("Old", new DateTimeOffset(2026, 11, 10, 8, 0, 0, TimeSpan.Zero), text: "old"));
        Save("jdoe", "a.eml", Build("Earlier", Nov26, text: "a"));
        Save("jdoe", "Inbox/b.eml", Build("Later", Nov26.AddHours(3), text: "b"));

        var mails = await _mailbox.ListRecentAsync("jdoe", new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), Nov26.AddDays(1), CancellationToken.None);

        Assert.Equal(["Inbox/b.eml", "a.eml"], mails.Select(m => m.MessageId));
        Assert.Equal("Later", mails[0].Subject);
    }

    [Fact]
    public async Task ListRecentAsync_MailAfterTheWindowEnd_IsNotListed()
    {
        // A replay of the 26th: the mail of the 27th came after the window and must not be read.
        Save("jdoe", "in.eml", Build("In the window", Nov26, text: "a"));
        Save("jdoe", "later.eml", Build("Next day", Nov26.AddDays(1), text: "https://later.example/x"));

        var mails = await _mailbox.ListRecentAsync("jdoe", Nov26.AddDays(-3), Nov26.AddHours(1), CancellationToken.None);

        Assert.Equal(["in.eml"], mails.Select(m => m.MessageId));
    }

    [Fact]
    public async Task ListRecentAsync_Utf7QuotedPrintableHtml_LinksDecodedWhole()
    {
        // Old clients and phishing kits send HTML as UTF-7 (markup and quotes written +ADw- ... +ACI-), then quoted-printable.
        const string Html = "<html><body><p>Sayın müşterimiz,</p><a href=\"https://vakif-guvenlik.example/giris?id=7781&amp;t=1\">Giriş</a>" +
            "<img src=\"https://cdn.vakif-guvenlik.example/lido.png\"></body></html>";
#pragma warning disable SYSLIB0001 // the fixture is written the way such mail is: strict UTF-7, optional characters encoded
        var utf7 = Encoding.ASCII.GetString(new UTF7Encoding(allowOptionals: false).GetBytes(Html));
#pragma warning restore SYSLIB0001
        Assert.DoesNotContain("\"", utf7, StringComparison.Ordinal); // quotes and markup are base64 runs such as +AD0AIg-
        var body = string.Join("=\r\n", utf7.Chunk(60).Select(c => new string(c).Replace("=", "=3D", StringComparison.Ordinal)));
        SaveRaw("asmith", "utf7.eml",
            "Return-Path: <bilgi@vakif-guvenlik.example>\r\n" +
            "From: \"VakifBank\" <bilgi@vakif-guvenlik.example>\r\n" +
            "To: asmith@corp.example\r\n" +
            "Subject: Hesap bildirimi\r\n" +
            "Date: Thu, 26 Nov 2026 09:14:03 +0000\r\n" +
            "Message-ID: <20261126091403.4471@vakif-guvenlik.example>\r\n" +
            "MIME-Version: 1.0\r\n" +
            "Content-Type: text/html; charset=\"utf-7\"\r\n" +
            "Content-Transfer-Encoding: quoted-printable\r\n" +
            "\r\n" + body + "\r\n");

        var mail = Assert.Single(await _mailbox.ListRecentAsync("asmith", Nov26.AddDays(-1), Nov26.AddDays(1), CancellationToken.None));

        Assert.Equal(["https://vakif-guvenlik.example/giris?id=7781&t=1", "https://cdn.vakif-guvenlik.example/lido.png"], mail.Links);
    }

    [Fact]
    public async Task ListRecentAsync_Windows1254EncodedWordSubject_DecodesTurkishLetters()
    {
        // 0xFD is 'ı' in windows-1254 (Turkish) but 'ý' in Latin-1; 0xDE is 'Ş', 0xF0 'ğ'.
        SaveRaw("jdoe", "tr.eml",
            "From: =?windows-1254?Q?Vak=FDfBank_M=FC=FEteri_Hizmetleri?= <bilgi@vakif-guvenlik.example>\r\n" +
            "To: jdoe@corp.example\r\n" +
            "Subject: =?windows-1254?Q?Vak=FDf_=DEube:_hesab=FDn=FDz_do=F0rulanmad=FD?=\r\n" +
            "Date: Thu, 26 Nov 2026 10:00:00 +0300\r\n" +
            "MIME-Version: 1.0\r\n" +
            "Content-Type: text/plain; charset=\"windows-1254\"\r\n" +
            "Content-Transfer-Encoding: 8bit\r\n" +
            "\r\n" +
            "L\u00FCtfen https://vakif-guvenlik.example/dogrula adresine gidin.\r\n");

        var mail = Assert.Single(await _mailbox.ListRecentAsync("jdoe", Nov26.AddDays(-1), Nov26.AddDays(1), CancellationToken.None));

        Assert.Equal("Vakıf Şube: hesabınız doğrulanmadı", mail.Subject);
        Assert.Equal(["https://vakif-guvenlik.example/dogrula"], mail.Links);
    }

    [Fact]
    public async Task ListRecentAsync_UnknownUser_ReturnsEmpty()
    {
        Assert.Empty(await _mailbox.ListRecentAsync("nobody", DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../etc")]
    [InlineData("/etc")]
    [InlineData("jdoe/../../x")]
    public async Task ListRecentAsync_UserEscapingRoot_Throws(string user)
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _mailbox.ListRecentAsync(user, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None));

        Assert.Contains("refused", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportRawAsync_KnownMessage_ReturnsFileBytes()
    {
        var path = Save("jdoe", "Inbox/a.eml", Build("A", Nov26, text: "hello"));

        var bytes = await _mailbox.ExportRawAsync("jdoe", "Inbox/a.eml", CancellationToken.None);

        Assert.Equal(await File.ReadAllBytesAsync(path), bytes);
    }

    [Theory]
    [InlineData("../asmith/secret.eml")]
    [InlineData("Inbox/../../asmith/secret.eml")]
    [InlineData("/etc/passwd")]
    public async Task ExportRawAsync_MessageIdEscapingUserFolder_Throws(string messageId)
    {
        Save("asmith", "secret.eml", Build("secret", Nov26, text: "x"));
        Directory.CreateDirectory(Path.Combine(_temp.Path, "jdoe"));

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _mailbox.ExportRawAsync("jdoe", messageId, CancellationToken.None));

        Assert.Contains("refused", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportRawAsync_MissingMessage_ThrowsFileNotFound()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => _mailbox.ExportRawAsync("jdoe", "none.eml", CancellationToken.None));
    }

    [Fact]
    public async Task AddEmlMailboxes_DirectoryMissing_StartsButListingFailsNamingKey()
    {
        var config = TestConfiguration.From(("Mailboxes:Directory", Path.Combine(_temp.Path, "missing")));
        using var provider = new ServiceCollection().AddEmlMailboxes(config).BuildServiceProvider();
        provider.GetService<IStartupValidator>()?.Validate();

        // Without the root every user would look as if no mail was kept: the step must fail, not report "no mail".
        var ex = await Assert.ThrowsAsync<DirectoryNotFoundException>(() =>
            provider.GetRequiredService<IMailbox>().ListRecentAsync("jdoe", DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, CancellationToken.None));

        Assert.Contains("Mailboxes:Directory", ex.Message, StringComparison.Ordinal);
    }

    private static MimeMessage Build(string subject, DateTimeOffset date, string? text = null, string? html = null, (string Name, byte[] Bytes)? attachment = null)
    {
        var builder = new BodyBuilder { TextBody = text, HtmlBody = html };
        if (attachment is { } a)
        {
            builder.Attachments.Add(a.Name, a.Bytes, new ContentType("application", "vnd.ms-word.document.macroEnabled.12"));
        }

        return Message(subject, date, builder);
    }

    private static MimeMessage Message(string subject, DateTimeOffset date, BodyBuilder builder)
    {
        var message = new MimeMessage { Subject = subject, Date = date, Body = builder.ToMessageBody() };
        message.From.Add(new MailboxAddress("Billing", "billing@vendor.example"));
        message.To.Add(new MailboxAddress("J Doe", "jdoe@corp.example"));
        return message;
    }

    private void SaveRaw(string user, string name, string eml)
    {
        var path = Path.Combine(_temp.Path, user, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(eml));
    }

    private string Save(string user, string name, MimeMessage message)
    {
        var path = Path.Combine(_temp.Path, user, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        message.WriteTo(path);
        return path;
    }
}
