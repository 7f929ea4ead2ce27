using ChatOpsBot.Core.ShiftLogs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOpsBot.Connectors.ShiftLogs;

public static class ShiftLogExtensions
{
    /// <summary>Registers <see cref="MarkdownShiftLog"/> as <see cref="IShiftLog"/>; binds section <c>ShiftLog</c> (keys <c>ShiftLog:File</c>, <c>ShiftLog:Title</c>).</summary>
    public static IServiceCollection AddMarkdownShiftLog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShiftLogOptions>()
            .Bind(configuration.GetSection(ShiftLogOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<IShiftLog, MarkdownShiftLog>();
        return services;
    }
}
