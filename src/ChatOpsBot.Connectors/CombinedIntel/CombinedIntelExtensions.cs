using ChatOpsBot.Connectors.IntelCache;
using ChatOpsBot.Connectors.Otx;
using ChatOpsBot.Connectors.VirusTotal;
using ChatOpsBot.Core.Intel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Connectors.CombinedIntel;

public static class CombinedIntelExtensions
{
    /// <summary>
    /// Registers <see cref="OtxVirusTotalIntel"/> as the <see cref="IThreatIntel"/>, with both clients (sections <c>Otx</c>
    /// and <c>VirusTotal</c>), each behind the verdict cache when there is one (cached per provider, so either
    /// provider's answer is reused on its own).
    /// </summary>
    public static IServiceCollection AddOtxAndVirusTotalIntel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging();
        services.AddOtxClient(configuration);
        services.AddVirusTotalClient(configuration);
        services.TryAddTransient<IThreatIntel>(sp => new OtxVirusTotalIntel(
            IntelCacheExtensions.Cached(sp, sp.GetRequiredService<OtxIntel>(), OtxIntel.SourceName),
            IntelCacheExtensions.Cached(sp, sp.GetRequiredService<VirusTotalIntel>(), VirusTotalIntel.SourceName),
            sp.GetRequiredService<ILogger<OtxVirusTotalIntel>>()));
        return services;
    }
}
