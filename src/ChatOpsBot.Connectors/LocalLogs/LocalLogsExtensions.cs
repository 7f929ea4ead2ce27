using ChatOpsBot.Core.Health;
using ChatOpsBot.Core.Siem;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.LocalLogs;

/// <summary>Registers the local-log SIEM.</summary>
public static class LocalLogsExtensions
{
    /// <summary>Binds <c>LocalLogs</c>, validates it at start and registers <see cref="LocalLogSiem"/> as the <see cref="ISiem"/>, with a check per path.</summary>
    public static IServiceCollection AddLocalLogSiem(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLogging();
        services.AddOptions<LocalLogsOptions>()
            .Bind(configuration.GetSection(LocalLogsOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LocalLogsOptions>, LocalLogsOptionsValidator>());
        services.TryAddSingleton(sp => new LocalLogScanMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<LocalLogSiem>();
        services.TryAddSingleton<ISiem>(sp => sp.GetRequiredService<LocalLogSiem>());
        // One check line per configured path; the paths are counted here, their values read when the check runs.
        var paths = configuration.GetSection($"{LocalLogsOptions.SectionName}:Paths").GetChildren().Count();
        for (var i = 0; i < paths; i++)
        {
            var index = i;
            services.AddSingleton<IConnectorCheck>(sp => new LocalLogPathCheck(index, sp.GetRequiredService<IOptions<LocalLogsOptions>>()));
        }
        return services;
    }
}
