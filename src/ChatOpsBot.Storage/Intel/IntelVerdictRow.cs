namespace ChatOpsBot.Storage.Intel;

/// <summary>
/// Table <c>intel_verdicts</c>: one provider's latest answer about one indicator. Keyed by a hash of the indicator, since
/// URLs can be longer than an index allows; the indicator itself is kept for people reading the table.
/// </summary>
public sealed class IntelVerdictRow
{
    public string Provider { get; set; } = "";
    /// <summary>Name of a <see cref="Core.Intel.IndicatorKind"/>.</summary>
    public string Kind { get; set; } = "";
    /// <summary>Lower-case hex SHA-256 of <see cref="Indicator"/>.</summary>
    public string IndicatorHash { get; set; } = "";
    public string Indicator { get; set; } = "";
    /// <summary>Name of a <see cref="Core.Intel.Verdict"/>.</summary>
    public string Verdict { get; set; } = "";
    public string Source { get; set; } = "";
    public string Detail { get; set; } = "";
    /// <summary>JSON array of pulses (id, name, tags, malware families).</summary>
    public string Pulses { get; set; } = "[]";
    /// <summary>JSON array of a pulse's IPv4 indicators.</summary>
    public string Addresses { get; set; } = "[]";
    public DateTimeOffset FetchedAt { get; set; }
}
