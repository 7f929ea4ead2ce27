using System.Globalization;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Intel;
using ChatOpsBot.Core.Mail;
using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;

namespace ChatOpsBot.Core.Playbook.InitialCompromise;

/// <summary>Reads one user's recent mails and asks intel about every attachment hash and link.</summary>
internal sealed class MailboxScan
{
    public async Task ScanAsync(SectionContext context, UserMailCase user, CancellationToken cancellationToken)
    {
        var run = context.Run;
        // The run's window end is "now" for a live run and the data's own time for a replay, so both read the same mails:
        // [end - MailLookbackDays, end], the end enforced here too in case a mailbox does not bound its search.
        var until = run.Settings.WindowTo;
        var since = until.AddDays(-context.Options.MailLookbackDays);
        var listed = await context.Ports.Mailbox.ListRecentAsync(user.User, since, until, cancellationToken).ConfigureAwait(false);
        var mails = listed.Where(m => m.Received >= since && m.Received <= until).ToList();
        var withContent = mails.Where(m => m.Attachments.Count > 0 || m.Links.Count > 0).ToList();
        var flagged = 0;
        using var progress = new IntelLookupProgress(context, PlaybookSection.InitialCompromise, 0,
            done => $"{done.ToString(CultureInfo.InvariantCulture)} of {withContent.Count.ToString(CultureInfo.InvariantCulture)} mails of {user.User}");
        foreach (var mail in withContent)
        {
            var judged = await JudgeAsync(progress.Intel, mail, cancellationToken).ConfigureAwait(false);
            progress.Completed();
            if (judged.Verdict is not (Verdict.Malicious or Verdict.Suspicious)) continue;
            flagged++;
            if (run.Mails.Any(m => m.User == user.User && m.MessageId == mail.MessageId)) continue;
            run.Mails.Add(new SuspiciousMail
            {
                User = user.User, MessageId = mail.MessageId, Subject = mail.Subject, From = mail.From,
                Received = mail.Received, Reason = judged.Reason, Verdict = judged.Verdict, FlaggedHashes = judged.Hashes, FlaggedUrls = judged.Urls,
            });
        }
        user.Checked = true;
        user.MailsInWindow = mails.Count;
        user.MailsWithContent = withContent.Count;
        context.Notify(PlaybookSection.InitialCompromise, flagged > 0 ? NotificationKind.Finding : NotificationKind.Progress, $"ic:scan:{user.User}",
            $"Mailbox of {user.User}: {flagged} flagged of {withContent.Count} mail(s) with attachments or links",
            $"Last {context.Options.MailLookbackDays} days: {mails.Count} mail(s).",
            [new Fact("User", user.User), new Fact("Since", since.ToString("u", CultureInfo.InvariantCulture))]);
    }

    private static async Task<(Verdict Verdict, string Reason, List<string> Hashes, List<string> Urls)> JudgeAsync(
        IThreatIntel intel, MailSummary mail, CancellationToken cancellationToken)
    {
        var worst = Verdict.Unknown;
        var reasons = new List<string>();
        var hashes = new List<string>();
        var urls = new List<string>();
        foreach (var attachment in mail.Attachments)
        {
            var v = await intel.LookupFileHashAsync(attachment.Sha256, cancellationToken).ConfigureAwait(false);
            if (v.Verdict is Verdict.Malicious or Verdict.Suspicious)
            {
                reasons.Add($"attachment {attachment.FileName} (SHA-256 {attachment.Sha256}): {v.Verdict}, {v.Detail}");
                hashes.Add(attachment.Sha256);
            }
            worst = Worse(worst, v.Verdict);
        }
        foreach (var link in mail.Links)
        {
            var v = await intel.LookupUrlAsync(link, cancellationToken).ConfigureAwait(false);
            if (v.Verdict is Verdict.Malicious or Verdict.Suspicious)
            {
                reasons.Add($"link {link}: {v.Verdict}, {v.Detail}");
                urls.Add(link);
            }
            worst = Worse(worst, v.Verdict);
        }
        return (worst, string.Join("; ", reasons), hashes, urls);
    }

    private static Verdict Worse(Verdict a, Verdict b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(Verdict v) => v switch { Verdict.Malicious => 3, Verdict.Suspicious => 2, Verdict.Harmless => 1, _ => 0 };
}
