using ChatOpsBot.Connectors.Assets;
using ChatOpsBot.Connectors.Tests.TestSupport;
using ChatOpsBot.Core.Assets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Tests.Assets;

public sealed class CsvAssetInventoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task FindByHostAsync_IpOrNameInAnyCase_ReturnsRow()
    {
        using var inventory = Create("""
            Email, Host ,USER,department
            jdoe@corp.example,10.20.1.15,jdoe,Finance
            asmith@corp.example,WS-ASMITH-01,asmith,HR
            """);

        var byIp = await inventory.FindByHostAsync("10.20.1.15", CancellationToken.None);
        var byName = await inventory.FindByHostAsync("ws-asmith-01", CancellationToken.None);

        Assert.Equal(new AssetRecord("10.20.1.15", "jdoe", "jdoe@corp.example"), byIp);
        Assert.Equal("asmith", byName?.User);
    }

    [Fact]
    public async Task FindByHostAsync_Ipv6InOtherSpelling_ReturnsRow()
    {
        using var inventory = Create("host,user,email\n2001:DB8::15,jdoe,jdoe@corp.example\n");

        var row = await inventory.FindByHostAsync("2001:db8:0:0::15", CancellationToken.None);

        Assert.Equal("jdoe", row?.User);
    }

    [Fact]
    public async Task FindByHostAsync_UnknownHost_ReturnsNull()
    {
        using var inventory = Create("host,user,email\n10.20.1.15,jdoe,jdoe@corp.example\n");

        Assert.Null(await inventory.FindByHostAsync("10.20.9.9", CancellationToken.None));
    }

    [Fact]
    public async Task FindByHostAsync_DuplicateHost_FirstRowWins()
    {
        using var inventory = Create("host,user,email\n10.20.1.15,jdoe,jdoe@corp.example\n10.20.1.15,other,other@corp.example\n");

        Assert.Equal("jdoe", (await inventory.FindByHostAsync("10.20.1.15", CancellationToken.None))?.User);
    }

    [Fact]
    public async Task FindByHostAsync_MissingColumn_ThrowsNamingColumnAndKey()
    {
        using var inventory = Create("host,user\n10.20.1.15,jdoe\n");

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => inventory.FindByHostAsync("10.20.1.15", CancellationToken.None));

        Assert.Contains("'email'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Assets:File", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCsvAssetInventory_FileMissing_StartsButTheLookupFailsNamingTheFile()
    {
        var missing = Path.Combine(_temp.Path, "none.csv");
        using var provider = new ServiceCollection().AddCsvAssetInventory(TestConfiguration.From(("Assets:File", missing))).BuildServiceProvider();
        provider.GetService<IStartupValidator>()?.Validate();

        var ex = await Assert.ThrowsAsync<FileNotFoundException>(() =>
            provider.GetRequiredService<IAssetInventory>().FindByHostAsync("10.20.3.40", CancellationToken.None));

        Assert.Contains("none.csv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCsvAssetInventory_ValidFile_ResolvesWorkingInventory()
    {
        var path = _temp.File("inv.csv", "host,user,email\n10.20.3.40,bwayne,bwayne@corp.example\n");
        using var provider = new ServiceCollection().AddCsvAssetInventory(TestConfiguration.From(("Assets:File", path))).BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var row = await provider.GetRequiredService<IAssetInventory>().FindByHostAsync("10.20.3.40", CancellationToken.None);

        Assert.Equal("bwayne", row?.User);
    }

    private CsvAssetInventory Create(string csv) =>
        new(Options.Create(new AssetInventoryOptions { File = _temp.File($"{Guid.NewGuid():N}.csv", csv) }));
}
