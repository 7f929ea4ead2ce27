using ChatOpsBot.Composition;
using ChatOpsBot.Terminal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Tests.Composition;

public sealed class TerminalHostTests
{
    [Fact]
    public void Build_AppSettingsFiles_AreReadOnceAndNotWatched()
    {
        var db = Path.Combine(Path.GetTempPath(), $"chatopsbot-host-{Guid.NewGuid():N}.db");
        using var host = TerminalHost.Build(
            new Dictionary<string, string?> { ["Storage:ConnectionString"] = $"Data Source={db}" },
            new TerminalConsole(TextWriter.Null, TextReader.Null, EchoInput: false));

        var root = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();
        var json = root.Providers.OfType<JsonConfigurationProvider>().ToList();

        Assert.Contains(json, p => p.Source.Path == "appsettings.json");
        Assert.All(json, p => Assert.False(p.Source.ReloadOnChange, $"{p.Source.Path} is watched"));
        Assert.Equal("Data Source=" + db, root["Storage:ConnectionString"]);
    }
}
