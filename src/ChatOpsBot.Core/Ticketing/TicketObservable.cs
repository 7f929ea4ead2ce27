using System.Net;

namespace ChatOpsBot.Core.Ticketing;

/// <summary>An observable to record on a ticket: an indicator of compromise, or something the incident touched.</summary>
/// <param name="Type">What it is.</param>
/// <param name="Value">The value (outside text).</param>
/// <param name="Ioc">True for an indicator of compromise (a C2 IP, a malicious hash or URL); false for a victim or a target.</param>
/// <param name="Tags">Tags, e.g. <c>victim</c>, <c>pulse:Emotet epoch 5</c>, <c>family:Emotet</c>.</param>
/// <param name="Description">One line saying why it is on the ticket.</param>
public sealed record TicketObservable(ObservableType Type, string Value, bool Ioc, IReadOnlyList<string> Tags, string Description = "")
{
    /// <summary>A host as the hunt names it: an IP becomes <see cref="ObservableType.Ip"/>, a name <see cref="ObservableType.Hostname"/>.</summary>
    public static TicketObservable Host(string host, bool ioc, IReadOnlyList<string> tags, string description = "") =>
        new(IPAddress.TryParse(host, out _) ? ObservableType.Ip : ObservableType.Hostname, host, ioc, tags, description);

    /// <summary>Whether <paramref name="other"/> records the same thing (type and value; host names and hashes ignore case).</summary>
    public bool SameAs(TicketObservable other) =>
        Type == other?.Type
        && string.Equals(Value, other.Value, Type is ObservableType.Url ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
}
