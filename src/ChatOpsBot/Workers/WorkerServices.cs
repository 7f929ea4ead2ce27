using ChatOpsBot.Composition;
using ChatOpsBot.Core.Health;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Workers;

/// <summary>Registers the web service's background loops and their readiness lines.</summary>
public static class WorkerServices
{
    /// <summary>
    /// Binds and validates <c>Workers</c>; adds the run queue worker, the inbox worker, the recovery worker, and the
    /// <c>workers</c> and <c>outbox</c> lines of <c>/healthz/ready</c>.
    /// </summary>
    public static IServiceCollection AddWorkers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkerOptions>().Bind(configuration.GetSection(WorkerOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton<WorkerHealth>();
        services.TryAddSingleton<WorkerMetrics>();
        services.TryAddSingleton<WorkerRuntime>();
        services.AddHostedService<AcknowledgementWarmUp>();
        services.AddHostedService<DurableRunWorker>();
        services.AddHostedService<InboxWorker>();
        services.AddHostedService<RecoveryWorker>();
        services.AddSingleton<IConnectorCheck, WorkersCheck>();
        services.AddSingleton<IConnectorCheck, OutboxCheck>();
        return services;
    }
}
