using ChatOpsBot.Core.Intel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.IntelCache;

public static class IntelCacheExtensions
{
    /// <summary>Binds and validates <c>Intel:Cache</c> at start.</summary>
    public static IServiceCollection AddIntelCacheOptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<IntelCacheOptions>().Bind(configuration.GetSection(IntelCacheOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IntelCacheOptions>, IntelCacheOptionsValidator>());
        return services;
    }

    /// <summary>
    /// <paramref name="intel"/> behind the verdict cache under <paramref name="provider"/>, when an <see cref="IIntelCache"/>
    /// is registered (the bot's database registers one); otherwise <paramref name="intel"/> itself.
    /// </summary>
    public static IThreatIntel Cached(IServiceProvider services, IThreatIntel intel, string provider)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService<IIntelCache>() is { } cache
            ? new CachedThreatIntel(intel, provider, cache, services.GetRequiredService<IOptions<IntelCacheOptions>>().Value,
                services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<CachedThreatIntel>>())
            : intel;
    }
}
