using Microsoft.Extensions.Configuration;

namespace ChatOpsBot.Connectors.Tests.TestSupport;

public static class TestConfiguration
{
    public static IConfiguration From(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
