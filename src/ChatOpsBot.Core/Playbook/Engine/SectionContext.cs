using System.Globalization;
using ChatOpsBot.Core.Dialog;
using ChatOpsBot.Core.Intel;
using ChatOpsBot.Core.Runs;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Core.Playbook.Engine;

/// <summary>
/// What a section sees during one turn: the run, the ports, the options and the clock, plus the only ways to
/// talk to analysts (<see cref="Notify"/>, <see cref="Ask"/>), which go through the run's outbox, and
/// <see cref="ShowProgressAsync"/> for what a long step is waiting for.
/// </summary>
/// <param name="run">The run being advanced.</param>
/// <param name="ports">External systems; intel is scoped to the run (its cache setting).</param>
/// <param name="options">Playbook options.</param>
/// <param name="clock">The clock.</param>
/// <param name="feeds">Per-process feed cache.</param>
/// <param name="logger">Logger.</param>
/// <param name="showNow">Shows a progress notification at once, outside the outbox; null: progress is not shown.</param>
public sealed class SectionContext(PlaybookRun run, PlaybookPorts ports, PlaybookOptions options, TimeProvider clock, FeedCache feeds, ILogger logger,
    Func<Notification, CancellationToken, Task>? showNow = null)
{
    // The intel as configured, before the run's scope: IntelWith scopes it afresh with a quota observer.
    private readonly IThreatIntel _intel = ports.Intel;

    /// <summary>The run being advanced.</summary>
    public PlaybookRun Run { get; } = run;
    /// <summary>External systems; <see cref="PlaybookPorts.Intel"/> honours the run's <see cref="RunSettings.BypassIntelCache"/>.</summary>
    public PlaybookPorts Ports { get; } =
        run.Settings.BypassIntelCache ? ports with { Intel = ports.Intel.For(new IntelScope { BypassCache = true }) } : ports;
    /// <summary>
    /// The run's intel (honouring its cache setting) that tells <paramref name="quotaWaits"/> when a lookup waits for a
    /// provider's quota, so a long step can say what it is waiting for.
    /// </summary>
    public IThreatIntel IntelWith(Func<IntelQuotaWait, CancellationToken, Task> quotaWaits) =>
        _intel.For(new IntelScope { BypassCache = Run.Settings.BypassIntelCache, QuotaWaits = quotaWaits });

    /// <summary>Playbook options.</summary>
    public PlaybookOptions Options { get; } = options;
    /// <summary>Per-process cache of loaded feeds (reloaded after a restart).</summary>
    public FeedCache Feeds { get; } = feeds;
    /// <summary>Logger for the section's own events.</summary>
    public ILogger Logger { get; } = logger;

    /// <summary>Now.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>An idempotency key scoped to this run.</summary>
    public string Key(string suffix) => $"{Run.Id}:{suffix}";

    /// <summary>
    /// Queues a notification (delivered after the run is saved). Progress goes on the run's status card; anything else
    /// in the run's thread unless <paramref name="broadcast"/>: only hits found, an incident opened and the run closed
    /// are news for the whole channel.
    /// </summary>
    public void Notify(PlaybookSection section, NotificationKind kind, string key, string title, string text = "",
        IReadOnlyList<Fact>? facts = null, DataTable? table = null, NotificationFile? attachment = null, bool broadcast = false)
    {
        var fullKey = Key(key);
        if (Run.Outbox.Any(m => m.Key == fullKey)) return;
        Run.Outbox.Add(new OutboxMessage
        {
            Key = fullKey,
            Kind = OutboxKind.Notify,
            Notification = new Notification
            {
                RunId = Run.Id, Section = section, Kind = kind, Key = fullKey, Title = title, Text = text,
                Facts = facts ?? [], Table = table, Attachment = attachment,
                Placement = broadcast ? NotificationPlacement.Broadcast
                    : kind == NotificationKind.Progress ? NotificationPlacement.Status : NotificationPlacement.Thread,
            },
        });
    }

    /// <summary>
    /// Shows a progress notification now, while the step is still working (e.g. waiting for an intel quota): it goes
    /// straight to the channel, not through the outbox, because it is only true for the moment; a lost one is
    /// replaced by the next. Channels that keep one status message per run update it in place.
    /// </summary>
    public async Task ShowProgressAsync(PlaybookSection section, string key, string title, string text, CancellationToken cancellationToken)
    {
        if (showNow is null) return;
        var fullKey = Key(key);
        await showNow(new Notification
        {
            RunId = Run.Id, Section = section, Kind = NotificationKind.Progress, Key = fullKey, Title = title, Text = text,
            Placement = NotificationPlacement.Status,
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a prompt: it becomes the run's open prompt and is queued for the channel.</summary>
    public Prompt Ask(PlaybookSection section, PromptKind kind, string title, IReadOnlyList<PromptOption> options,
        string text = "", IReadOnlyList<Fact>? facts = null, TextInputRule? input = null, string? suggestion = null, string? suggestedText = null)
    {
        Run.PromptSequence++;
        var prompt = new Prompt
        {
            Id = $"{Run.Id}/p{Run.PromptSequence.ToString(CultureInfo.InvariantCulture)}",
            RunId = Run.Id, Section = section, Kind = kind, Title = title, Text = text, Facts = facts ?? [],
            Options = options, Input = input, Suggestion = suggestion, SuggestedText = suggestedText, OpenedAt = Now,
        };
        Run.Prompt = prompt;
        Record(TimelineEntryKind.PromptOpened, section, title, promptId: prompt.Id, prompt: title);
        Run.Outbox.Add(new OutboxMessage { Key = $"{prompt.Id}:ask", Kind = OutboxKind.Ask, Prompt = prompt });
        return prompt;
    }

    /// <summary>Appends a timeline entry by the bot.</summary>
    public void Record(TimelineEntryKind kind, PlaybookSection section, string value, string? promptId = null, string? prompt = null) =>
        Run.Timeline.Add(new TimelineEntry
        {
            At = Now, Kind = kind, Section = section.ToString(), Value = value, PromptId = promptId, Prompt = prompt,
        });

    /// <summary>Marks a section as visited (for the report).</summary>
    public void Visit(PlaybookSection section)
    {
        var name = section.ToString();
        if (!Run.VisitedSections.Contains(name)) Run.VisitedSections.Add(name);
    }
}
