using ChatOpsBot.Connectors.Otx;
using ChatOpsBot.Connectors.VirusTotal;
using ChatOpsBot.Core.Intel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOpsBot.Connectors.CombinedIntel;

public static class CombinedIntelExtensions
{
    /// <summary>Registers <see cref="OtxVirusTotalIntel"/> as the <see cref="IThreatIntel"/>, with both clients (sections <c>Otx</c> and <c>VirusTotal</c>).</summary>
    public static IServiceCollection AddOtxAndVirusTotalIntel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging();
        services.AddOtxClient(configuration);
        services.AddVirusTotalClient(configuration);
        services.TryAddTransient<IThreatIntel, OtxVirusTotalIntel>();
        return services;
    }
}
