using System.Net;
using System.Net.Sockets;
using ChatOpsBot.Connectors.Feeds;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Core.Feeds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Connectors.Tests.Feeds;

public sealed class IocFeedLoaderTests : IDisposable
{
    private const string BambenekBanner = """
        #############################################################
        ## Master Feed of known, active and non-sinkholed C&Cs IP
        ## addresses
        ##
        ## Feed generated at: 2016-10-19 05:16
        ##
        ## Feed Provided By: John Bambenek of Bambenek Consulting
        ## jcb@bambenekconsulting.com // http://bambenekconsulting.com
        ## Use of this feed is governed by the license here:
        ## http://osint.bambenekconsulting.com/license.txt
        ##
        ## All times are in UTC
        #############################################################

        """;

    private readonly TempDirectory _temp = new();
    private readonly List<ServiceProvider> _providers = [];

    public void Dispose()
    {
        _providers.ForEach(p => p.Dispose());
        _temp.Dispose();
    }

    [Fact]
    public async Task LoadAsync_BambenekWithCommasInDescription_TakesFirstFieldOnly()
    {
        var path = _temp.File("c2-ipmasterlist.txt", BambenekBanner + """
            103.1.2.3,IP used by banjori C&C,2016-10-19 05:08,http://osint.bambenekconsulting.com/manual/banjori.txt
            185.220.101.47,IP used by emotet C&C, epoch 5, tier 1,2016-10-19 05:08,http://osint.bambenekconsulting.com/manual/emotet.txt
            """);

        var result = await CreateLoader().LoadAsync(path, CancellationToken.None);

        Assert.Equal(FeedFormat.Bambenek, result.Format);
        Assert.Equal(["103.1.2.3/32", "185.220.101.47/32"], result.Indicators.Select(n => n.ToString()));
        Assert.Empty(result.InvalidLines);
    }

    [Fact]
    public async Task LoadAsync_FeodoCsvWithCommentedHeaderAndCrLf_ReadsDstIpByName()
    {
        var content = string.Join("\r\n",
            "################################################################",
            "# abuse.ch Feodo Tracker Botnet C2 IP Blocklist (CSV)          #",
            "# Last updated: 2024-05-01 10:04:11 UTC                        #",
            "################################################################",
            "#",
            "# \"first_seen_utc\",\"dst_ip\",\"dst_port\",\"c2_status\",\"last_online\",\"malware\"",
            "\"2021-01-17 07:44:46\",\"51.178.161.32\",\"4643\",\"online\",\"2024-05-01\",\"Dridex\"",
            "\"2021-02-02 12:00:01\",\"not-an-ip\",\"443\",\"offline\",\"2024-04-30\",\"QakBot\"",
            "\"2022-03-03 01:02:03\",\"162.243.103.246\",\"8080\",\"offline\",\"2024-04-29\",\"Emotet\"",
            "# END 3 entries",
            "");
        var path = _temp.File("ipblocklist.csv", content);

        var result = await CreateLoader().LoadAsync(path, CancellationToken.None);

        Assert.Equal(FeedFormat.FeodoCsv, result.Format);
        Assert.Equal(["51.178.161.32/32", "162.243.103.246/32"], result.Indicators.Select(n => n.ToString()));
        var invalid = Assert.Single(result.InvalidLines);
        Assert.Equal(8, invalid.LineNumber);
        Assert.Contains("not-an-ip", invalid.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# Firstseen,DstIP,DstPort,LastOnline,Malware")]
    [InlineData("# Firstseen,DstIP,DstPort,Malware")]
    public async Task LoadAsync_OldFeodoCsvLayouts_ReadsDstIp(string header)
    {
        var withLastOnline = header.Contains("LastOnline", StringComparison.Ordinal);
        string Row(string seen, string ip, string port, string lastOnline, string malware) =>
            withLastOnline ? $"{seen},{ip},{port},{lastOnline},{malware}" : $"{seen},{ip},{port},{malware}";
        var path = _temp.File("ipblocklist.csv", string.Join("\n",
            "##########################################################################################",
            "# Feodo Tracker Botnet C2 IP Blocklist                                                   #",
            "# Generated on 2019-06-01 07:15:02 UTC                                                   #",
            "#                                                                                        #",
            "# For questions please contact feodotracker [at] abuse.ch                                #",
            "##########################################################################################",
            "#",
            header,
            Row("2019-05-30 18:41:03", "45.33.20.14", "447", "2019-06-01", "TrickBot"),
            Row("2019-05-29 09:15:44", "185.62.188.159", "443", "2019-05-31", "Heodo"),
            Row("2019-05-28 23:01:10", "not.an.ip", "8080", "2019-05-30", "Heodo"),
            "# END (3 entries)",
            ""));

        var result = await CreateLoader().LoadAsync(path, CancellationToken.None);

        Assert.Equal(FeedFormat.FeodoCsv, result.Format);
        Assert.Equal(["45.33.20.14/32", "185.62.188.159/32"], result.Indicators.Select(n => n.ToString()));
        Assert.Equal(11, Assert.Single(result.InvalidLines).LineNumber);
    }

    [Fact]
    public async Task LoadAsync_AbuseChJsonBlocklist_ReadsIpAddressOfEachEntry()
    {
        var path = _temp.File("ipblocklist_recommended.json", """
            [
            {
                "ip_address": "162.243.103.246",
                "port": 8080,
                "status": "online",
                "hostname": null,
                "as_number": 14061,
                "as_name": "DIGITALOCEAN-ASN",
                "country": "US",
                "first_seen": "2022-06-03 14:39:22",
                "last_online": "2024-05-01",
                "malware": "Emotet"
            },
            {
                "ip_address": "50.16.16.211",
                "port": 443,
                "status": "offline",
                "hostname": "ec2-50-16-16-211.compute-1.amazonaws.com",
                "as_number": 14618,
                "as_name": "AMAZON-AES",
                "country": "US",
                "first_seen": "2023-12-08 19:02:14",
                "last_online": "2024-04-30",
                "malware": "QakBot"
            },
            {
                "ip_address": "999.16.16.211",
                "port": 443,
                "malware": "QakBot"
            },
            {
                "port": 443,
                "malware": "Pikabot"
            }
            ]
            """);

        var result = await CreateLoader().LoadAsync(path, CancellationToken.None);

        Assert.Equal(FeedFormat.FeodoJson, result.Format);
        Assert.Equal(["162.243.103.246/32", "50.16.16.211/32"], result.Indicators.Select(n => n.ToString()));
        Assert.Equal([3, 4], result.InvalidLines.Select(l => l.LineNumber));
        Assert.Contains("999.16.16.211", result.InvalidLines[0].Content, StringComparison.Ordinal);
        Assert.Equal("entry 4 has no ip_address", result.InvalidLines[1].Reason);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("gzip")]
    [InlineData("html")]
    [InlineData("json-object")]
    [InlineData("json-other-array")]
    [InlineData("json-broken")]
    public async Task LoadAsync_ContentThatIsNoFeed_ThrowsFeedUnavailableNamingTheFile(string kind)
    {
        var path = Path.Combine(_temp.Path, "feed-" + kind);
        switch (kind)
        {
            case "png":
                File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]);
                break;
            case "gzip":
                using (var file = File.Create(path))
                using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Optimal))
                {
                    gzip.Write(System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(1, 200).Select(i => $"10.{i}.{i % 7}.{i % 250}\n"))));
                }

                break;
            case "html":
                File.WriteAllText(path, "\n<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body><form action=\"/login\">1.2.3.4</form></body></html>\n");
                break;
            case "json-object":
                File.WriteAllText(path, "{\"query_status\":\"unknown_auth_key\"}");
                break;
            case "json-other-array":
                File.WriteAllText(path, "[{\"url\":\"http://1.2.3.4/x\",\"threat\":\"malware_download\"}]");
                break;
            default:
                File.WriteAllText(path, "[{\"ip_address\":\"1.2.3.4\",");
                break;
        }

        var ex = await Assert.ThrowsAsync<FeedUnavailableException>(() => CreateLoader().LoadAsync(path, CancellationToken.None));

        Assert.StartsWith($"Feed '{path}' is not an IOC list: ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public async Task LoadAsync_OnlyGarbageLines_LoadsNoIndicatorsWithEveryLineInvalid()
    {
        var path = _temp.File("garbage-only.txt", "hello\nworld\nnot an address\n");

        var result = await CreateLoader().LoadAsync(path, CancellationToken.None);

        Assert.Empty(result.Indicators);
        Assert.Equal([1, 2, 3], result.InvalidLines.Select(l => l.LineNumber));
    }

    [Fact]
    public async Task LoadAsync_FeedLongerThanTheSniffedBlock_LinesAcrossItsEndAreWhole()
    {
        // The parser looks at the first 4096 characters before reading lines: lines across that point stay whole.
        var lines = Enumerable.Range(0, 2000).Select(i => $"10.{i / 250}.{i % 250}.{(i * 7) % 250 + 1}").ToList();
        var path = _temp.File("long.txt", string.Join("\r\n", lines) + "\r\n");

        var result = await CreateLoader().LoadAsync(path, CancellationToken.None);

        Assert.Equal(lines.Select(l => l + "/32"), result.Indicators.Select(n => n.ToString()));
        Assert.Empty(result.InvalidLines);
    }

    [Fact]
    public async Task LoadAsync_CrLfSplitByTheSniffedBlock_CountsOneLineEnd()
    {
        // 4095 characters then "\r": the sniffed block ends between the '\r' and the '\n' of one line end.
        var path = _temp.File("split.txt", "#" + new string('x', 4094) + "\r\nnot-an-ip\r\n198.51.100.4\r\n");

        var result = await CreateLoader().LoadAsync(path, CancellationToken.None);

        Assert.Equal(2, Assert.Single(result.InvalidLines).LineNumber);
        Assert.Equal("198.51.100.4/32", Assert.Single(result.Indicators).ToString());
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public async Task LoadAsync_FeedOfManyBlocks_EveryLineEndCountsOnceWhereverTheBlocksEnd(string newline)
    {
        // Lines of varying length across several 64 K-character blocks: each block boundary falls somewhere else in a line
        // or between '\r' and '\n'; a bad line every 997 lines must keep its exact number, and the last line has no end.
        var lines = Enumerable.Range(0, 30_000)
            .Select(i => i % 997 == 5 ? $"bad-{new string('x', i % 13)}" : $"{1 + (i % 200)}.{i / 250 % 250}.{i % 250}.{(i % 7) + 1},seen {new string('d', i % 7)}")
            .ToList();
        var path = _temp.File("blocks.txt", string.Join(newline, lines));

        var result = await CreateLoader().LoadAsync(path, CancellationToken.None);

        var expectedBad = lines.Select((l, i) => (l, i)).Where(x => x.l.StartsWith("bad-", StringComparison.Ordinal)).Select(x => x.i + 1).ToList();
        Assert.Equal(expectedBad, result.InvalidLines.Select(l => l.LineNumber));
        Assert.Equal(lines.Where(l => !l.StartsWith("bad-", StringComparison.Ordinal)).Select(l => l.Split(',')[0] + "/32").Distinct(),
            result.Indicators.Select(n => n.ToString()));
    }

    [Fact]
    public async Task LoadAsync_LargeFeed_KeepsSingleIpv4AddressesAsIntegersNotObjects()
    {
        var path = _temp.File("mixed.txt", "198.51.100.7\n10.66.0.0/16\n2001:db8::1\n198.51.100.8\n198.51.100.7/32\n::ffff:198.51.100.9\n");

        var result = await CreateLoader().LoadAsync(path, CancellationToken.None);

        var list = Assert.IsType<IndicatorList>(result.Indicators);
        Assert.Equal([0xC6336407u, 0xC6336408u, 0xC6336409u], list.V4Addresses.ToArray());
        Assert.Equal(["10.66.0.0/16", "2001:db8::1/128"], list.Networks.Select(n => n.ToString()));
        Assert.Equal(["198.51.100.7/32", "10.66.0.0/16", "2001:db8::1/128", "198.51.100.8/32", "198.51.100.9/32"], result.Indicators.Select(n => n.ToString()));
    }

    [Fact]
    public async Task LoadAsync_FeodoCsvWithPlainHeaderInOtherColumnOrder_ReadsDstIpByName()
    {
        var path = _temp.File("feodo.csv", """
            # comment
            malware,dst_port,dst_ip
            Dridex,443,51.178.161.32

            QakBot,995,"102.156.1.2"
            """);

        var result = await CreateLoader().LoadAsync(path, CancellationToken.None);

        Assert.Equal(FeedFormat.FeodoCsv, result.Format);
        Assert.Equal(["51.178.161.32/32", "102.156.1.2/32"], result.Indicators.Select(n => n.ToString()));
    }

    [Fact]
    public async Task LoadAsync_FeodoRowWithBrokenQuoting_ReportsThatLineAndKeepsReading()
    {
        var path = _temp.File("feodo.csv", string.Join("\n",
            "first_seen_utc,dst_ip,dst_port",
            "\"2021-01-17 07:44:46\",\"51.178.161.32\",\"4643\"",
            "\"2021-01-17 07:44:46\",\"1.2.3.4\"x\",\"4643\"",
            "\"2021-01-17 07:44:46\",\"5.6.7.8\",\"4643\""));

        var result = await CreateLoader().LoadAsync(path, CancellationToken.None);

        Assert.Equal(["51.178.161.32/32", "5.6.7.8/32"], result.Indicators.Select(n => n.ToString()));
        Assert.Equal(3, Assert.Single(result.InvalidLines).LineNumber);
    }

    [Fact]
    public async Task LoadAsync_PlainListWithIpv6AndCidrs_NormalisesToNetworks()
    {
        var path = _temp.File("plain.txt", """
            # my list
            45.137.21.9
            2001:DB8:0:0::1
            10.66.0.0/16
            2001:db8:abcd::/48
            ::ffff:198.51.100.7
            """);

        var result = await CreateLoader().LoadAsync(path, CancellationToken.None);

        Assert.Equal(FeedFormat.Plain, result.Format);
        Assert.Equal(
            ["45.137.21.9/32", "2001:db8::1/128", "10.66.0.0/16", "2001:db8:abcd::/48", "198.51.100.7/32"],
            result.Indicators.Select(n => n.ToString()));
        Assert.Empty(result.InvalidLines);
    }

    [Fact]
    public async Task LoadAsync_DuplicateEntriesInDifferentSpellings_KeepsOneOfEach()
    {
        var path = _temp.File("dups.txt", """
            45.137.21.9
            2001:db8::1
            45.137.21.9
            2001:0db8:0000::0001
            45.137.21.9/32
            """);

        var result = await CreateLoader().LoadAsync(path, CancellationToken.None);

        Assert.Equal(["45.137.21.9/32", "2001:db8::1/128"], result.Indicators.Select(n => n.ToString()));
    }

    [Fact]
    public async Task LoadAsync_GarbageLines_ReportsExactLineNumbersAndReasons()
    {
        var longGarbage = new string('x', 500);
        var path = _temp.File("garbage.txt", string.Join("\n",
            "# header",
            "1.2.3.4",
            "",
            "999.1.1.1",
            "1.2.3",
            "10.0.0.1/24",
            longGarbage,
            "5.6.7.8",
            "0.0.0.0/0"));

        var result = await CreateLoader().LoadAsync(path, CancellationToken.None);

        Assert.Equal(["1.2.3.4/32", "5.6.7.8/32"], result.Indicators.Select(n => n.ToString()));
        Assert.Equal([4, 5, 6, 7, 9], result.InvalidLines.Select(l => l.LineNumber));
        Assert.Equal("999.1.1.1", result.InvalidLines[0].Content);
        Assert.Contains("did you mean 10.0.0.0/24", result.InvalidLines[2].Reason, StringComparison.Ordinal);
        Assert.True(result.InvalidLines[3].Content.Length <= 201);
        Assert.Contains("/0", result.InvalidLines[4].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_EmptyFile_ReturnsNoIndicatorsAndNoErrors()
    {
        var path = _temp.File("empty.txt", "");

        var result = await CreateLoader().LoadAsync(path, CancellationToken.None);

        Assert.Empty(result.Indicators);
        Assert.Empty(result.InvalidLines);
    }

    [Fact]
    public async Task LoadAsync_MissingFile_ThrowsFeedUnavailableNamingThePath()
    {
        var path = Path.Combine(_temp.Path, "nope.txt");

        var ex = await Assert.ThrowsAsync<FeedUnavailableException>(() => CreateLoader().LoadAsync(path, CancellationToken.None));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_HttpUrl_StreamsFeedFromServerWithUserAgent()
    {
        using var server = new LoopbackHttpServer(new()
        {
            ["/c2-ipmasterlist.txt"] = BambenekBanner + "185.220.101.47,IP used by emotet C&C,2026-11-26 05:08,http://x/\n",
        });

        var result = await CreateLoader(("Feed:UserAgent", "SocBot/2.0"))
            .LoadAsync(new Uri(server.BaseAddress, "c2-ipmasterlist.txt").ToString(), CancellationToken.None);

        Assert.Equal(["185.220.101.47/32"], result.Indicators.Select(n => n.ToString()));
        Assert.Equal("SocBot/2.0", server.LastUserAgent);
    }

    [Fact]
    public async Task LoadAsync_Http404_ThrowsWithStatusAndUrlWithoutQuery()
    {
        using var server = new LoopbackHttpServer([]);
        var url = new Uri(server.BaseAddress, "missing.txt?key=secret").ToString();

        var ex = await Assert.ThrowsAsync<FeedUnavailableException>(() => CreateLoader().LoadAsync(url, CancellationToken.None));

        Assert.Contains("HTTP 404", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/missing.txt", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task LoadAsync_ServerNeverAnswers_ThrowsTimeoutNamingConfigKey()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var time = new FakeTimeProvider();
        var loader = CreateLoader(time, ("Feed:TimeoutSeconds", "5"));
        var url = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/feed.txt";

        var load = loader.LoadAsync(url, CancellationToken.None);
        using var accepted = await silent.AcceptTcpClientAsync();
        time.Advance(TimeSpan.FromSeconds(6));

        var ex = await Assert.ThrowsAsync<FeedUnavailableException>(() => load);
        Assert.Contains("Feed:TimeoutSeconds", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_UnsupportedScheme_ThrowsFeedUnavailable()
    {
        var ex = await Assert.ThrowsAsync<FeedUnavailableException>(() => CreateLoader().LoadAsync("ftp://example.org/feed.txt", CancellationToken.None));

        Assert.Contains("ftp", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("601")]
    public void AddIocFeed_TimeoutOutOfRange_FailsStartValidationNamingKey(string seconds)
    {
        var services = new ServiceCollection().AddIocFeed(TestConfiguration.From(("Feed:TimeoutSeconds", seconds)));
        using var provider = services.BuildServiceProvider();

        // The host reports every failed options class together, so the startup validator may aggregate.
        var ex = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Feed:TimeoutSeconds must be between 1 and 600", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_FileFeed_BuildsNoHttpClient()
    {
        var path = _temp.File("plain.txt", "203.0.113.7\n198.51.100.9\n");
        var loader = new IocFeedLoader(new NoHttpClients(), Options.Create(new FeedOptions()), TimeProvider.System);

        var result = await loader.LoadAsync(path, CancellationToken.None);

        Assert.Equal(2, result.Indicators.Count);
    }

    /// <summary>Fails the test if anything asks for an HttpClient.</summary>
    private sealed class NoHttpClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException($"HttpClient '{name}' built for a file feed.");
    }

    private IIocFeed CreateLoader(params (string Key, string? Value)[] config) => CreateLoader(null, config);

    private IIocFeed CreateLoader(TimeProvider? time, params (string Key, string? Value)[] config)
    {
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddIocFeed(TestConfiguration.From(config));
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<IIocFeed>();
    }
}
