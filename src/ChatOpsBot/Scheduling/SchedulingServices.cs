using Microsoft.Extensions.Options;

namespace ChatOpsBot.Scheduling;

/// <summary>Registers scheduled hunts and prompt reminders/defaults for the web service.</summary>
public static class SchedulingServices
{
    /// <summary>Binds and validates <c>Scheduler</c> and <c>Prompts</c>, and adds the two background services.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsValidator>();
        services.AddOptions<PromptTimeoutOptions>().Bind(configuration.GetSection(PromptTimeoutOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PromptTimeoutOptions>, PromptTimeoutOptionsValidator>();
        services.AddSingleton<HuntScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<HuntScheduler>());
        services.AddSingleton<PromptTimeoutService>();
        services.AddHostedService(sp => sp.GetRequiredService<PromptTimeoutService>());
        return services;
    }
}
