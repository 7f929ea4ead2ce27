using ChatOpsBot.Composition;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Scheduling;
using ChatOpsBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Tests.Support;

/// <summary>
/// The bot's services as one replica has them (embedded connectors on the bundled samples, a real database,
/// a fake clock, a recording channel). Two fixtures on one database are two replicas.
/// </summary>
internal sealed class BotServicesFixture : IAsyncDisposable
{
    private BotServicesFixture(ServiceProvider services, FakeTimeProvider time, RecordingChannel channel)
    {
        Services = services;
        Time = time;
        Channel = channel;
    }

    public ServiceProvider Services { get; }
    public FakeTimeProvider Time { get; }
    public RecordingChannel Channel { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<BotServicesFixture> CreateAsync(string connectionString, FakeTimeProvider time, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var samples = Path.Combine(RepositoryRoot.Path, "samples");
        var values = new Dictionary<string, string?>(DemoSettings.Configuration(samples))
        {
            ["Storage:Provider"] = connectionString.StartsWith("Data Source", StringComparison.Ordinal) ? "Sqlite" : "Postgres",
            ["Storage:ConnectionString"] = connectionString,
            ["ShiftLog:File"] = Path.Combine(Path.GetTempPath(), $"chatopsbot-shiftlog-{Guid.NewGuid():N}.md"),
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) values[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var channel = new RecordingChannel();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IConfiguration>(configuration)
            .AddChatOpsBot(configuration)
            .AddScheduling(configuration)
            .AddSingleton<IChatChannel>(channel)
            .BuildServiceProvider();
        await services.GetRequiredService<StorageInitializer>().MigrateAsync(CancellationToken.None);
        return new BotServicesFixture(services, time, channel);
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
