using ChatOpsBot.Core.Quotas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Connectors.Pacing;

public static class PacingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="QuotaPacer"/> of <paramref name="provider"/> (a keyed singleton: one per process, since
    /// the quota belongs to the key) and, unless one is registered already (the bot's database ledger), an
    /// <see cref="InProcessQuotaLedger"/>.
    /// </summary>
    public static IServiceCollection AddQuotaPacer(this IServiceCollection services, string provider, Func<IServiceProvider, QuotaSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IQuotaLedger, InProcessQuotaLedger>();
        services.TryAddKeyedSingleton(provider, (sp, _) => new QuotaPacer(
            settings(sp), sp.GetRequiredService<IQuotaLedger>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<QuotaPacer>>()));
        return services;
    }
}
