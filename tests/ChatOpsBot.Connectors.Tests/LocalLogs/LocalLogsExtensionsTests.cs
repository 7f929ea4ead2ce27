using ChatOpsBot.Connectors.LocalLogs;
using ChatOpsBot.Core.Siem;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.Tests.LocalLogs;

public sealed class LocalLogsExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLocalLogSiem(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

    [Fact]
    public void AddLocalLogSiem_ValidSection_BindsOptionsAndResolvesSiem()
    {
        using var provider = Build(new()
        {
            ["LocalLogs:Paths:0"] = Path.GetTempPath(),
            ["LocalLogs:Format"] = "Csv",
            ["LocalLogs:CsvColumns:SourceIp"] = "sa",
            ["LocalLogs:MaxDegreeOfParallelism"] = "3",
        });

        var options = provider.GetRequiredService<IOptions<LocalLogsOptions>>().Value;

        Assert.IsType<LocalLogSiem>(provider.GetRequiredService<ISiem>());
        Assert.Equal(LocalLogFormat.Csv, options.Format);
        Assert.Equal(("ts", "sa", "dest_ip", "bytes"), (options.CsvColumns.Timestamp, options.CsvColumns.SourceIp, options.CsvColumns.DestinationIp, options.CsvColumns.Bytes));
        Assert.Equal(3, options.MaxDegreeOfParallelism);
    }

    [Fact]
    public void AddLocalLogSiem_PathNotThereYet_StillValidates()
    {
        // Whether it exists is the hunt's concern (the host's HuntInputs): a service whose inputs are not mounted yet starts.
        using var provider = Build(new Dictionary<string, string?> { ["LocalLogs:Paths:0"] = "/definitely/not/here" });

        Assert.Equal("/definitely/not/here", Assert.Single(provider.GetRequiredService<IOptions<LocalLogsOptions>>().Value.Paths));
    }

    [Fact]
    public void Options_Defaults_AreAutoAndProcessorCount()
    {
        var options = new LocalLogsOptions();

        Assert.Equal(LocalLogFormat.Auto, options.Format);
        Assert.Equal(Environment.ProcessorCount, options.MaxDegreeOfParallelism);
    }

    [Theory]
    [InlineData(null, "1", "LocalLogs:Paths")]
    [InlineData("", "1", "LocalLogs:Paths:0")]
    [InlineData("TEMP", "0", "LocalLogs:MaxDegreeOfParallelism")]
    public void AddLocalLogSiem_InvalidSection_FailsNamingTheKey(string? path, string parallelism, string key)
    {
        var settings = new Dictionary<string, string?> { ["LocalLogs:MaxDegreeOfParallelism"] = parallelism };
        if (path is not null)
        {
            settings["LocalLogs:Paths:0"] = path == "TEMP" ? Path.GetTempPath() : path;
        }

        using var provider = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LocalLogsOptions>>().Value);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLocalLogSiem_EmptyCsvColumn_FailsNamingTheKey()
    {
        using var provider = Build(new() { ["LocalLogs:Paths:0"] = Path.GetTempPath(), ["LocalLogs:CsvColumns:Timestamp"] = " " });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LocalLogsOptions>>().Value);
        Assert.Contains("LocalLogs:CsvColumns:Timestamp", error.Message, StringComparison.Ordinal);
    }
}
