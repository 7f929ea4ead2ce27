using System.Net;
using ChatOpsBot.Connectors.OfflineIntel;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Core.Intel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Tests.OfflineIntel;

public sealed class OtxExportIntelTests : IDisposable
{
    private const string Sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    // Shaped like the body of GET /api/v1/pulses/subscribed, trimmed to the fields that matter plus a few that do not.
    private const string SubscribedPage = """
        {
          "count": 2,
          "next": null,
          "previous": null,
          "results": [
            {
              "id": "6561f0c2a1b2c3d4e5f60718",
              "name": "Emotet C2 infrastructure — epoch 5",
              "description": "C2 servers",
              "author_name": "AlienVault",
              "tags": ["emotet", "c2", "botnet"],
              "malware_families": [{"id": "Emotet", "display_name": "Emotet", "target": null}],
              "TLP": "white",
              "indicators": [
                {"id": 3850001, "indicator": "185.220.101.47", "type": "IPv4", "created": "2026-11-20T10:00:00", "title": "", "description": ""},
                {"id": 3850002, "indicator": "45.137.21.9", "type": "IPv4", "created": "2026-11-20T10:00:00"},
                {"id": 3850003, "indicator": "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08", "type": "FileHash-SHA256", "created": "2026-11-20T10:00:00"},
                {"id": 3850004, "indicator": "http://Secure-Docs.example.top/view/INV-2026/", "type": "URL", "created": "2026-11-20T10:00:00"},
                {"id": 3850005, "indicator": "203.0.113.0/24", "type": "CIDR", "created": "2026-11-20T10:00:00"},
                {"id": 3850006, "indicator": "2001:db8:bad::7", "type": "IPv6", "created": "2026-11-20T10:00:00"},
                {"id": 3850007, "indicator": "secure-docs.example.top", "type": "domain", "created": "2026-11-20T10:00:00"},
                {"id": 3850008, "indicator": "not-an-ip", "type": "IPv4", "created": "2026-11-20T10:00:00"}
              ]
            },
            {
              "id": "6561f0c2a1b2c3d4e5f60799",
              "name": "QakBot distribution",
              "tags": [],
              "malware_families": ["QakBot"],
              "indicators": [
                {"id": 3860001, "indicator": "198.51.100.23", "type": "IPv4"},
                {"id": 3860002, "indicator": "185.220.101.47", "type": "IPv4"}
              ]
            }
          ]
        }
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task LookupIpAsync_IpInPulses_IsMaliciousWithEveryPulse()
    {
        using var intel = Create(SubscribedPage);

        var result = await intel.LookupIpAsync(IPAddress.Parse("185.220.101.47"), CancellationToken.None);

        Assert.Equal(Verdict.Malicious, result.Verdict);
        Assert.Equal(["6561f0c2a1b2c3d4e5f60718", "6561f0c2a1b2c3d4e5f60799"], result.Pulses.Select(p => p.Id));
        Assert.Equal(["Emotet"], result.Pulses[0].MalwareFamilies);
        Assert.Equal(["QakBot"], result.Pulses[1].MalwareFamilies);
        Assert.Equal(["emotet", "c2", "botnet"], result.Pulses[0].Tags);
        Assert.Equal(OtxExportIntel.SourceName, result.Source);
    }

    [Theory]
    [InlineData("203.0.113.200")]
    [InlineData("2001:db8:bad::7")]
    [InlineData("::ffff:45.137.21.9")]
    public async Task LookupIpAsync_IpInsideCidrOrIpv6OrMapped_IsMalicious(string ip)
    {
        using var intel = Create(SubscribedPage);

        var result = await intel.LookupIpAsync(IPAddress.Parse(ip), CancellationToken.None);

        Assert.Equal(Verdict.Malicious, result.Verdict);
        Assert.Equal("Emotet C2 infrastructure — epoch 5", Assert.Single(result.Pulses).Name);
    }

    [Fact]
    public async Task LookupIpAsync_UnknownIp_IsUnknownWithoutPulses()
    {
        using var intel = Create(SubscribedPage);

        var result = await intel.LookupIpAsync(IPAddress.Parse("93.184.216.34"), CancellationToken.None);

        Assert.Equal(Verdict.Unknown, result.Verdict);
        Assert.Empty(result.Pulses);
    }

    [Fact]
    public async Task GetPulseIpv4IndicatorsAsync_KnownPulse_ReturnsOnlyValidIpv4()
    {
        using var intel = Create(SubscribedPage);

        var ips = await intel.GetPulseIpv4IndicatorsAsync("6561f0c2a1b2c3d4e5f60718", CancellationToken.None);

        Assert.Equal(["185.220.101.47", "45.137.21.9"], ips.Select(ip => ip.ToString()));
        Assert.Empty(await intel.GetPulseIpv4IndicatorsAsync("no-such-pulse", CancellationToken.None));
    }

    [Fact]
    public async Task LookupFileHashAsync_HashInOtherCase_IsMaliciousNamingPulse()
    {
        using var intel = Create(SubscribedPage);

        var result = await intel.LookupFileHashAsync(Sha256, CancellationToken.None);

        Assert.Equal(Verdict.Malicious, result.Verdict);
        Assert.Contains("Emotet C2 infrastructure", result.Detail, StringComparison.Ordinal);
        Assert.Equal(Verdict.Unknown, (await intel.LookupFileHashAsync(new string('0', 64), CancellationToken.None)).Verdict);
    }

    [Theory]
    [InlineData("http://secure-docs.example.top/view/INV-2026")]
    [InlineData("HTTP://SECURE-DOCS.EXAMPLE.TOP:80/view/INV-2026/#top")]
    public async Task LookupUrlAsync_LightlyDifferentSpelling_IsMalicious(string url)
    {
        using var intel = Create(SubscribedPage);

        Assert.Equal(Verdict.Malicious, (await intel.LookupUrlAsync(url, CancellationToken.None)).Verdict);
    }

    [Fact]
    public async Task LookupUrlAsync_DifferentPathCase_IsUnknown()
    {
        using var intel = Create(SubscribedPage);

        var result = await intel.LookupUrlAsync("http://secure-docs.example.top/VIEW/inv-2026", CancellationToken.None);

        Assert.Equal(Verdict.Unknown, result.Verdict);
    }

    [Fact]
    public async Task LookupIpAsync_BareArrayOfPulses_IsAccepted()
    {
        using var intel = Create("""
            [ {"id": "p1", "name": "Array pulse", "malware_families": [], "indicators": [{"indicator": "192.0.2.5", "type": "IPv4"}]} ]
            """);

        var result = await intel.LookupIpAsync(IPAddress.Parse("192.0.2.5"), CancellationToken.None);

        Assert.Equal("Array pulse", Assert.Single(result.Pulses).Name);
    }

    [Fact]
    public async Task LookupIpAsync_ConcurrentFirstCalls_AllSeeTheSameIndex()
    {
        using var intel = Create(SubscribedPage);

        var results = await Task.WhenAll(Enumerable.Range(0, 16)
            .Select(_ => Task.Run(() => intel.LookupIpAsync(IPAddress.Parse("45.137.21.9"), CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(Verdict.Malicious, r.Verdict));
        Assert.Single(results.Select(r => r.Pulses[0]).Distinct());
    }

    [Fact]
    public async Task LookupIpAsync_InvalidJson_ThrowsNamingConfigKey()
    {
        using var intel = Create("{ not json");

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => intel.LookupIpAsync(IPAddress.Loopback, CancellationToken.None));

        Assert.Contains("Intel:OfflineFile", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOfflineIntel_FileUnset_FailsStartValidationNamingKey()
    {
        using var provider = new ServiceCollection().AddOfflineIntel(TestConfiguration.From()).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Intel:OfflineFile must be set", ex.Message, StringComparison.Ordinal);
    }

    private OtxExportIntel Create(string json) =>
        new(Options.Create(new OfflineIntelOptions { OfflineFile = _temp.File($"{Guid.NewGuid():N}.json", json) }));
}
