using ChatOpsBot.Core.Reports;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Tests.Fakes;
using ChatOpsBot.Core.Ticketing;
using static ChatOpsBot.Core.Tests.Fakes.TestWorld;

namespace ChatOpsBot.Core.Tests.Playbook.Engine;

/// <summary>What a finished demo run must look like, however it got there (auto, person, crashes).</summary>
internal static class DemoOutcome
{
    public static void AssertResolvedIncident(TestWorld world, PlaybookRun run)
    {
        Assert.Equal(RunState.Resolved, run.State);
        Assert.Null(run.Prompt);
        Assert.Empty(run.Outbox);

        var ticket = Assert.Single(world.Ticketing.Tickets);
        Assert.Equal(ticket.Id, run.Ticket?.Id);
        Assert.Single(world.Ticketing.Calls.Select(c => c.Key).Where(k => k.EndsWith(":ticket", StringComparison.Ordinal)).Distinct());

        var csv = Assert.Single(ticket.Attachments, a => a.ContentType == "text/csv");
        Assert.Equal($"pivot-{Ips.HuntC2}-ipv4.csv", csv.FileName);
        var eml = Assert.Single(ticket.Attachments, a => a.ContentType == "message/rfc822");
        Assert.Equal("jdoe-msg-1001.eml", eml.FileName);
        Assert.Equal(2, ticket.Attachments.Count);

        Assert.Single(ticket.Comments, c => c.StartsWith($"C2 IP {Ips.PivotC2} confirmed", StringComparison.Ordinal));
        Assert.Single(ticket.Comments, c => c.StartsWith($"Containment of {Hosts.Jdoe}: helpdesk ticket ", StringComparison.Ordinal));
        Assert.Single(ticket.Comments, c => c.StartsWith($"Containment of {Hosts.Asmith}: helpdesk ticket ", StringComparison.Ordinal));
        Assert.Single(ticket.Comments, c => c.StartsWith("Phishing playbook handed to ", StringComparison.Ordinal));
        Assert.Equal(4, ticket.Comments.Count);
        Assert.Single(ticket.Resolutions);

        // Observables: the C2 IPs as indicators with their pulse and family, the victims, the phishing attachment
        // and the address it phished.
        Assert.Equal(
            [
                (ObservableType.Ip, Ips.HuntC2, true), (ObservableType.Ip, Hosts.Jdoe, false), (ObservableType.Ip, Ips.PivotC2, true),
                (ObservableType.Ip, Hosts.Asmith, false), (ObservableType.Hash, Mails.MaliciousHash, true), (ObservableType.Mail, "jdoe@corp.example", false),
            ],
            ticket.Observables.Select(o => (o.Type, o.Value, o.Ioc)));
        Assert.Equal(["c2", "pulse:Cobalt Strike beacons 2026-11", "family:CobaltStrike"], ticket.Observables[0].Tags);
        Assert.Equal(["victim"], ticket.Observables[1].Tags);

        Assert.Single(world.ShiftLog.Entries);
        Assert.Equal(run.Id, world.ShiftLog.Entries[0].RunId);

        var report = RunReport.From(run);
        Assert.Equal("Resolved", report.State);
        Assert.Equal([Ips.HuntC2, Ips.PivotC2], report.ConfirmedC2);
        Assert.Equal([Ips.Benign], report.Dismissed);
        Assert.Equal([Hosts.Jdoe, Hosts.Asmith], report.ContainedHosts.Select(h => h.Host));
        Assert.All(report.ContainedHosts, h => Assert.Equal(ticket.Id, h.Ticket));
        Assert.All(report.ContainedHosts, h => Assert.False(string.IsNullOrEmpty(h.HelpdeskTicket)));
        Assert.Equal(["jdoe", "asmith"], report.ContainedHosts.Select(h => h.User));
        Assert.Equal(3, report.C2Hits.Count);
        Assert.Equal([Ips.HuntC2], report.Pivot.PivotedFrom);
        Assert.Equal(Hosts.Asmith, Assert.Single(report.Pivot.Hits).Host);
        var mail = Assert.Single(report.SuspiciousEmails);
        Assert.Equal(("jdoe", "Phishing"), (mail.User, mail.Status));
        Assert.Equal([ticket.Id], report.Tickets);
    }
}
