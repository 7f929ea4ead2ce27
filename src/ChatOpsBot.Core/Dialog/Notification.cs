using ChatOpsBot.Core.Playbook;

namespace ChatOpsBot.Core.Dialog;

/// <summary>
/// Something the bot tells the channel without asking. Every string here is raw, plain text (no markup) and may embed
/// outside strings (host and user names, typed names, indicators, mail subjects): channels render each one as
/// <see cref="TextKind.Outside"/> text, escaped once with their escape function for the text kind it lands in.
/// </summary>
public sealed record Notification
{
    /// <summary>The run.</summary>
    public required string RunId { get; init; }
    /// <summary>Section that speaks.</summary>
    public required PlaybookSection Section { get; init; }
    /// <summary>Finding, progress or summary.</summary>
    public required NotificationKind Kind { get; init; }
    /// <summary>Headline written by the bot; may embed outside strings (a typed colleague name, a host).</summary>
    public required string Title { get; init; }
    /// <summary>Body written by the bot; may embed outside strings.</summary>
    public string Text { get; init; } = "";
    /// <summary>Labelled values (may be outside strings).</summary>
    public IReadOnlyList<Fact> Facts { get; init; } = [];
    /// <summary>Rows of a table (e.g. hits); channels summarise long tables and attach <see cref="Attachment"/>.</summary>
    public DataTable? Table { get; init; }
    /// <summary>The full data as a file (e.g. hits CSV), for channels that cannot show it all.</summary>
    public NotificationFile? Attachment { get; init; }
    /// <summary>
    /// Thread, broadcast or status card, for channels that give a run one thread; channels without threads (the
    /// terminal) show every notification the same way.
    /// </summary>
    public NotificationPlacement Placement { get; init; } = NotificationPlacement.Thread;
    /// <summary>Stable key so a retried post is recognised as the same message.</summary>
    public required string Key { get; init; }
}
