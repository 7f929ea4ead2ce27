using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Ticketing;
using ChatOpsBot.Storage.Ticketing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Storage.Tests;

public sealed class StorageExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var services = new ServiceCollection();
        before?.Invoke(services);
        return services
            .AddStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
    }

    [Fact]
    public void Postgres_with_a_sqlite_connection_string_is_rejected_at_start_naming_the_key()
    {
        using var provider = Build(new() { ["Storage:Provider"] = "Postgres" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Storage:ConnectionString is not a valid PostgreSQL connection string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_with_a_host_is_accepted_and_gets_the_postgres_context()
    {
        using var provider = Build(new() { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = "Host=db.internal;Database=chatopsbot;Username=bot" });

        provider.GetRequiredService<IStartupValidator>().Validate();
        using var db = provider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ChatOpsDbContext>>().CreateDbContext();

        Assert.IsType<ChatOpsBot.Storage.Postgres.PostgresChatOpsDbContext>(db);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
    }

    [Fact]
    public void An_empty_connection_string_is_rejected_with_a_message_naming_the_key()
    {
        using var provider = Build(new() { ["Storage:ConnectionString"] = " " });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_cache_size_below_one_is_rejected_with_a_message_naming_the_key()
    {
        using var provider = Build(new() { ["Storage:RunCacheSize"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:RunCacheSize must be at least 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_sqlite_in_the_data_directory()
    {
        using var provider = Build([]);

        var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal(StorageProvider.Sqlite, options.Provider);
        Assert.Equal("Data Source=.data/chatopsbot.db", options.ConnectionString);
        Assert.Equal(64, options.RunCacheSize);
    }

    [Fact]
    public void Registers_the_ports_as_singletons_and_keeps_an_existing_time_provider()
    {
        var fake = new FakeTimeProvider();
        // Resolving the stores builds the context options, which create the database directory: keep it out of bin.
        using var provider = Build(
            new() { ["Storage:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), "chatopsbot-storage-tests", "unused.db")}" },
            services => services.AddSingleton<TimeProvider>(fake));

        Assert.Same(fake, provider.GetRequiredService<TimeProvider>());
        Assert.Same(provider.GetRequiredService<IRunStore>(), provider.GetRequiredService<IRunStore>());
        Assert.NotNull(provider.GetRequiredService<ITicketing>());
        Assert.NotNull(provider.GetRequiredService<ITicketQueries>());
        Assert.NotNull(provider.GetRequiredService<StorageInitializer>());
    }

    [Fact]
    public void Without_a_time_provider_the_system_clock_is_registered()
    {
        using var provider = Build([]);

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }
}
