using ChatOpsBot.Core.Mail;
using ChatOpsBot.Core.Tests.Fakes;
using static ChatOpsBot.Core.Tests.Fakes.TestWorld;

namespace ChatOpsBot.Core.Tests.Playbook.InitialCompromise;

/// <summary>The mailbox look-back is [window end - MailLookbackDays, window end], both ends kept.</summary>
public sealed class MailboxScanTests
{
    [Fact]
    public async Task RunAuto_MailReceivedAfterTheWindowEnd_IsNeitherCountedNorFlagged()
    {
        var world = Demo();
        // Malicious, but it came after the window: a replay of that day must not find it.
        world.Mailbox.Mails["jdoe"].Add(new MailSummary("msg-late", "Invoice 4472 overdue", "billing@invoices-pay.example", Now.AddHours(3),
            [new MailAttachment("invoice-4472.docm", Mails.MaliciousHash, 48_213)], []));
        var bot = world.StartBot();

        var run = await bot.RunAutoAsync((await bot.StartAsync()).Id);

        Assert.DoesNotContain(run.Mails, m => m.MessageId == "msg-late");
        Assert.Contains(run.Mails, m => m.MessageId == Mails.Phishing);
        Assert.Equal(3, run.Users.Single(u => u.User == "jdoe").MailsInWindow);
        var lookbackDays = new Core.Playbook.PlaybookOptions().MailLookbackDays;
        Assert.All(world.Mailbox.Windows, w => Assert.Equal((Now.AddDays(-lookbackDays), Now), (w.Since, w.Until)));
    }
}
