using ChatOpsBot.Core.Playbook.Closure;
using ChatOpsBot.Core.Playbook.Containment;
using ChatOpsBot.Core.Playbook.Hunt;
using ChatOpsBot.Core.Playbook.InitialCompromise;
using ChatOpsBot.Core.Playbook.Pivot;
using ChatOpsBot.Core.Playbook.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>Registers the playbook: sections, engine, answer processing. Ports and options binding come from the host.</summary>
public static class PlaybookServiceCollectionExtensions
{
    /// <summary>Adds the six sections and the engine. <see cref="Inbox.AnswerInbox"/> needs a work queue and an inbox store, so the host adds it.</summary>
    public static IServiceCollection AddPlaybook(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IValidateOptions<PlaybookOptions>, PlaybookOptionsValidator>();
        services.AddSingleton<IPlaybookSection, HuntSection>();
        services.AddSingleton<IPlaybookSection, ValidationSection>();
        services.AddSingleton<IPlaybookSection, ContainmentSection>();
        services.AddSingleton<IPlaybookSection, PivotSection>();
        services.AddSingleton<IPlaybookSection, InitialCompromiseSection>();
        services.AddSingleton<IPlaybookSection, ClosureSection>();
        services.AddSingleton<PlaybookPorts>(sp => new PlaybookPorts(
            sp.GetRequiredService<Feeds.IIocFeed>(), sp.GetRequiredService<Siem.ISiem>(), sp.GetRequiredService<Intel.IThreatIntel>(),
            sp.GetRequiredService<Ticketing.ITicketing>(), sp.GetRequiredService<Mail.IMailbox>(), sp.GetRequiredService<Assets.IAssetInventory>(),
            sp.GetRequiredService<ShiftLogs.IShiftLog>(), sp.GetRequiredService<Exports.ICsvExporter>()));
        services.AddSingleton<FeedCache>();
        services.AddSingleton<RunLocks>();
        services.AddOptions<Outbox.OutboxOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Outbox.OutboxOptions>, Outbox.OutboxOptionsValidator>());
        // In memory unless the storage layer registers claims in the database (which every replica shares).
        services.TryAddSingleton<Outbox.IOutboxClaims, Outbox.InProcessOutboxClaims>();
        services.AddSingleton<OutboxDelivery>();
        services.TryAddSingleton(sp => new PlaybookMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton<PlaybookEngine>();
        services.AddSingleton<AnswerProcessor>();
        services.AddSingleton<AutoAnalyst>();
        return services;
    }
}
