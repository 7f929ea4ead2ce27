namespace ChatOpsBot.Core.Intel;

/// <summary>Intel's verdict on a file hash or URL, with a one-line reason for the analyst.</summary>
/// <param name="Verdict">The verdict.</param>
/// <param name="Detail">Why, e.g. "in pulse 'Emotet epoch 5'" or "12/70 engines".</param>
public sealed record IndicatorVerdict(Verdict Verdict, string Detail)
{
    /// <summary>When the answer was fetched from the source, if it came from the verdict cache; null when fetched for this lookup.</summary>
    public DateTimeOffset? CachedAt { get; init; }
}
