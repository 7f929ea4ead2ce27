using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Ticketing;
using ChatOpsBot.Storage.Runs;
using ChatOpsBot.Storage.Sqlite;
using ChatOpsBot.Storage.Ticketing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Storage;

/// <summary>Registers the EF Core store.</summary>
public static class StorageExtensions
{
    /// <summary>
    /// Binds and validates <c>Storage</c> (at start), and registers the context factory, <see cref="IRunStore"/>, <see cref="IRunLeases"/>,
    /// <see cref="ITicketing"/> (built-in), <see cref="ITicketQueries"/>, the work queue, the inbox, the outbox claims, the verdict
    /// cache (<see cref="ChatOpsBot.Core.Intel.IIntelCache"/>), the quota ledger (<see cref="ChatOpsBot.Core.Quotas.IQuotaLedger"/>) and
    /// <see cref="StorageInitializer"/>.
    /// The host must call <see cref="StorageInitializer.MigrateAsync"/> before serving.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // One factory type for every provider: the options pick the provider and, for PostgreSQL, the context
        // subclass that owns the PostgreSQL migrations.
        services.AddSingleton<IDbContextFactory<ChatOpsDbContext>>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (options.Provider == StorageProvider.Sqlite) SqliteDatabaseFile.EnsureDirectory(options.ConnectionString);
            return new ProviderDbContextFactory(options);
        });

        services.AddSingleton<IRunStore, EfRunStore>();
        services.AddSingleton<IRunLeases, DbRunLeases>();
        services.AddSingleton<ITicketing, DbTicketing>();
        services.AddSingleton<ITicketQueries, TicketQueries>();
        services.AddSingleton<ChatOpsBot.Core.Dialog.IChannelStateStore, ChannelState.EfChannelStateStore>();
        // Shared by replicas: intel answers (the verdict cache) and the request slots of each intel key's quota.
        services.AddSingleton<ChatOpsBot.Core.Intel.IIntelCache, Intel.EfIntelCache>();
        services.AddSingleton<ChatOpsBot.Core.Quotas.IQuotaLedger, Quotas.EfQuotaLedger>();
        services.AddOptions<WorkQueue.WorkQueueOptions>().Bind(configuration.GetSection(WorkQueue.WorkQueueOptions.SectionName))
            .Validate(o => o.Lease >= TimeSpan.FromSeconds(1), "WorkQueue:Lease must be at least 00:00:01.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "WorkQueue:PollInterval must be positive.")
            .Validate(o => o.MaxAttempts >= 1, "WorkQueue:MaxAttempts must be at least 1.")
            .Validate(o => o.Parallelism is >= 1 and <= 64, "WorkQueue:Parallelism must be between 1 and 64.")
            .Validate(o => o.InboxLease >= TimeSpan.FromSeconds(1), "WorkQueue:InboxLease must be at least 00:00:01.")
            .Validate(o => o.Retention >= TimeSpan.FromHours(1), "WorkQueue:Retention must be at least 01:00:00.")
            .ValidateOnStart();
        services.AddSingleton<WorkQueue.DbWorkQueue>();
        // Shared by every replica: who delivers which chat message, and the answers received but not yet applied.
        services.AddSingleton<ChatOpsBot.Core.Playbook.Outbox.IOutboxClaims, Outbox.DbOutboxClaims>();
        services.AddSingleton<Inbox.DbInboxStore>();
        services.AddSingleton<ChatOpsBot.Core.Playbook.Inbox.IInboxStore>(sp => sp.GetRequiredService<Inbox.DbInboxStore>());
        services.AddSingleton<Outbox.RecoveryQueries>();
        services.AddSingleton<ChatOpsBot.Core.Playbook.Engine.IRunWorkQueue>(sp => sp.GetRequiredService<WorkQueue.DbWorkQueue>());
        services.AddSingleton<StorageInitializer>();
        return services;
    }
}
