using ChatOpsBot.Core.Exports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOpsBot.Connectors.Exports;

public static class CsvExportExtensions
{
    /// <summary>Registers <see cref="CsvHelperExporter"/> as <see cref="ICsvExporter"/>. No configuration keys; the parameter keeps the Add&lt;X&gt; shape uniform.</summary>
    public static IServiceCollection AddCsvExporter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<ICsvExporter, CsvHelperExporter>();
        return services;
    }
}
