using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Conversation;

namespace ChatOpsBot.Teams.Tests.Manifest;

public sealed class TeamsManifestTests
{
    private const string AppId = "0b7c3d2e-1f2a-4b5c-8d9e-0a1b2c3d4e5f";
    private const string Domain = "bot.example.com";
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "manifests", "teams");

    [Fact]
    public void Manifest_HasTheRequiredFields_AndABotInEveryScope()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!;

        foreach (var field in new[] { "$schema", "manifestVersion", "version", "id", "developer", "name", "description", "icons", "accentColor", "bots", "validDomains" })
            Assert.NotNull(manifest[field]);
        Assert.True(Version.Parse(manifest["manifestVersion"]!.GetValue<string>()) >= new Version(1, 16));
        foreach (var field in new[] { "name", "websiteUrl", "privacyUrl", "termsOfUseUrl" }) Assert.NotNull(manifest["developer"]![field]);
        Assert.True(manifest["name"]!["short"]!.GetValue<string>().Length <= 30);
        Assert.True(manifest["description"]!["short"]!.GetValue<string>().Length <= 80);
        var bot = manifest["bots"]!.AsArray().Single()!;
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public void CommandList_MatchesTheCommandsTheBotUnderstands()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!;
        var titles = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList();

        // One source: the grammar every channel parses with.
        Assert.Equal(CommandGrammar.Commands.Select(c => $"c2hunt {c.Verb}"), titles);
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icons_HaveTheSizesTeamsRequires(string file, int size)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, file));

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    [Theory]
    [InlineData(null, null, new[] { "TEAMS_APP_ID", "BOT_DOMAIN" })]
    [InlineData(AppId, null, new[] { "BOT_DOMAIN" })]
    [InlineData(null, Domain, new[] { "TEAMS_APP_ID" })]
    public async Task Package_WithoutItsVariables_NamesEachMissingOne_AndShowsTheUsage(string? appId, string? domain, string[] missing)
    {
        var zip = Path.Combine(Path.GetTempPath(), $"teams-package-{Guid.NewGuid():N}.zip");
        var start = new ProcessStartInfo("bash", [Path.Combine(Folder, "package.sh"), zip]) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment.Remove("TEAMS_APP_ID");
        start.Environment.Remove("BOT_DOMAIN");
        if (appId is not null) start.Environment["TEAMS_APP_ID"] = appId;
        if (domain is not null) start.Environment["BOT_DOMAIN"] = domain;
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Set ", lines[0], StringComparison.Ordinal);
        foreach (var name in new[] { "TEAMS_APP_ID", "BOT_DOMAIN" })
            Assert.Equal(missing.Contains(name), lines[0].Contains(name, StringComparison.Ordinal));
        Assert.StartsWith("Usage: TEAMS_APP_ID=<app id> BOT_DOMAIN=<host>", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("line ", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(zip));
    }

    [Fact]
    public async Task Package_CarriesTheConfiguredAppIdAndDomain_AndTheIcons()
    {
        var zip = Path.Combine(Path.GetTempPath(), $"teams-package-{Guid.NewGuid():N}.zip");
        try
        {
            var start = new ProcessStartInfo("bash", [Path.Combine(Folder, "package.sh"), zip]) { RedirectStandardError = true, RedirectStandardOutput = true };
            start.Environment["TEAMS_APP_ID"] = AppId;
            start.Environment["BOT_DOMAIN"] = Domain;
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());

            using var archive = ZipFile.OpenRead(zip);
            Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order());
            await using var stream = archive.GetEntry("manifest.json")!.Open();
            var manifest = (await JsonNode.ParseAsync(stream))!;
            Assert.Equal(AppId, manifest["id"]!.GetValue<string>());
            Assert.Equal(AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
            Assert.Equal([Domain], manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
            Assert.DoesNotContain("{{", manifest.ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(zip);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ChatOpsBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("Repository root not found.");
    }
}
