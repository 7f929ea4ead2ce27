using ChatOpsBot.Core.Assets;
using ChatOpsBot.Core.Intel;
using ChatOpsBot.Core.Mail;
using ChatOpsBot.Core.Playbook;
using ChatOpsBot.Core.Siem;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Core.Tests.Fakes;

/// <summary>
/// Everything outside the bot: the store and every external system. It outlives bot instances, so a test can
/// "kill" a bot and start another over the same world.
/// </summary>
public sealed class TestWorld
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);

    public InMemoryRunStore Store { get; } = new();
    public FakeIocFeed Feed { get; } = new();
    public FakeSiem Siem { get; } = new();
    public FakeThreatIntel Intel { get; } = new();
    public FakeTicketing Ticketing { get; } = new();
    public FakeMailbox Mailbox { get; } = new();
    public FakeAssetInventory Assets { get; } = new();
    public RecordingShiftLog ShiftLog { get; } = new();
    public SimpleCsvExporter Csv { get; } = new();
    public RecordingChatChannel Channel { get; } = new();
    public FakeTimeProvider Clock { get; } = new(Now) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };

    /// <summary>Playbook options every bot of this world is configured with.</summary>
    public Action<PlaybookOptions> Configure { get; set; } = _ => { };

    /// <summary>A new bot process over this world.</summary>
    public TestBot StartBot() => new(this);

    /// <summary>
    /// The demo: 10.20.1.15 → 185.220.101.47 (Malicious, pulse P1), 10.20.3.40 → 93.184.216.34 (Unknown);
    /// a pivot over P1 finds 10.20.2.77 → 45.137.21.9 (Malicious, also in P1). jdoe got a mail whose
    /// attachment intel calls Malicious.
    /// </summary>
    public static TestWorld Demo()
    {
        var world = new TestWorld();
        world.Feed.Indicators.AddRange(["185.220.101.47", "93.184.216.34", "198.51.100.23"]);
        world.Siem.Connections.AddRange(
        [
            new C2Hit(Hosts.Jdoe, Ips.HuntC2, Now.AddHours(-20), Now.AddHours(-2), 48, 912_000, HitDirection.Outbound),
            new C2Hit(Hosts.Bwayne, Ips.Benign, Now.AddHours(-10), Now.AddHours(-9), 3, 4_100, HitDirection.Outbound),
            new C2Hit(Hosts.Asmith, Ips.PivotC2, Now.AddHours(-6), Now.AddHours(-1), 12, 61_000, HitDirection.Outbound),
            new C2Hit("10.20.9.9", "8.8.8.8", Now.AddHours(-5), Now.AddHours(-5), 100, 10_000, HitDirection.Outbound),
        ]);
        var p1 = new PulseRef(Pulses.P1, "Cobalt Strike beacons 2026-11", ["c2", "cobaltstrike"], ["CobaltStrike"]);
        world.Intel.Ips[Ips.HuntC2] = new IpIntel(Verdict.Malicious, [p1], "fake-otx");
        world.Intel.Ips[Ips.Benign] = new IpIntel(Verdict.Unknown, [], "fake-otx");
        world.Intel.Ips[Ips.PivotC2] = new IpIntel(Verdict.Malicious, [p1], "fake-otx");
        world.Intel.Pulses[Pulses.P1] = [Ips.HuntC2, Ips.PivotC2, "203.0.113.77"];
        world.Intel.FileHashes[Mails.MaliciousHash] = new IndicatorVerdict(Verdict.Malicious, "41/70 engines: Trojan.Dropper");
        world.Intel.Urls["https://intranet.example/wiki"] = new IndicatorVerdict(Verdict.Harmless, "known good");
        world.Assets.Assets[Hosts.Jdoe] = new AssetRecord(Hosts.Jdoe, "jdoe", "jdoe@corp.example");
        world.Assets.Assets[Hosts.Bwayne] = new AssetRecord(Hosts.Bwayne, "bwayne", "bwayne@corp.example");
        world.Assets.Assets[Hosts.Asmith] = new AssetRecord(Hosts.Asmith, "asmith", "asmith@corp.example");
        world.Mailbox.Mails["jdoe"] =
        [
            new MailSummary(Mails.Phishing, "Invoice 4471 overdue", "billing@invoices-pay.example", Now.AddDays(-1),
                [new MailAttachment("invoice-4471.docm", Mails.MaliciousHash, 48_213)], []),
            new MailSummary("msg-1002", "Lunch?", "colleague@corp.example", Now.AddHours(-30), [], []),
            new MailSummary("msg-1003", "Wiki update", "wiki@corp.example", Now.AddHours(-20), [], ["https://intranet.example/wiki"]),
        ];
        world.Mailbox.Mails["asmith"] =
        [
            new MailSummary("msg-2001", "Wiki update", "wiki@corp.example", Now.AddHours(-20), [], ["https://intranet.example/wiki"]),
        ];
        return world;
    }

    /// <summary>
    /// A noisy feed: <paramref name="unknown"/> feed IPs intel knows nothing about (198.18.x.y, each from its own
    /// host 10.30.x.y) and <paramref name="malicious"/> intel calls Malicious (203.0.113.n, no pulses, from 10.40.0.n).
    /// The flagged ones carry the most connections, so the hunt lists them first.
    /// </summary>
    public static TestWorld ManyIps(int unknown, int malicious)
    {
        var world = new TestWorld();
        for (var i = 0; i < unknown; i++)
            world.AddTraffic($"10.30.{i / 250}.{i % 250 + 1}", UnknownIp(i), connections: 1);
        for (var i = 0; i < malicious; i++)
        {
            world.AddTraffic($"10.40.0.{i + 1}", FlaggedIp(i), connections: 100);
            world.Intel.Ips[FlaggedIp(i)] = new IpIntel(Verdict.Malicious, [], "fake-otx");
        }
        return world;
    }

    /// <summary>The <paramref name="i"/>th unknown IP of <see cref="ManyIps"/>.</summary>
    public static string UnknownIp(int i) => $"198.18.{i / 250}.{i % 250 + 1}";

    /// <summary>The <paramref name="i"/>th malicious IP of <see cref="ManyIps"/>.</summary>
    public static string FlaggedIp(int i) => $"203.0.113.{i + 1}";

    /// <summary>A feed indicator <paramref name="remoteIp"/> that <paramref name="host"/> talked to in the window.</summary>
    public void AddTraffic(string host, string remoteIp, int connections, bool inFeed = true)
    {
        if (inFeed) Feed.Indicators.Add(remoteIp);
        Siem.Connections.Add(new C2Hit(host, remoteIp, Now.AddHours(-3), Now.AddHours(-2), connections, 1_000L * connections, HitDirection.Outbound));
    }

    /// <summary>A world whose SIEM sees no traffic to any feed indicator.</summary>
    public static TestWorld Quiet()
    {
        var world = Demo();
        world.Siem.Connections.Clear();
        return world;
    }

    public static class Hosts
    {
        public const string Jdoe = "10.20.1.15";
        public const string Bwayne = "10.20.3.40";
        public const string Asmith = "10.20.2.77";
    }

    public static class Ips
    {
        public const string HuntC2 = "185.220.101.47";
        public const string Benign = "93.184.216.34";
        public const string PivotC2 = "45.137.21.9";
    }

    public static class Pulses
    {
        public const string P1 = "P1";
    }

    public static class Mails
    {
        public const string Phishing = "msg-1001";
        public const string MaliciousHash = "9f2c1d7e4b6a8c0e1f3a5b7d9c2e4f6a8b0c1d3e5f7a9b2c4d6e8f0a1b3c5d7e";
    }
}
