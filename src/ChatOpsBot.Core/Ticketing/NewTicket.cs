namespace ChatOpsBot.Core.Ticketing;

/// <summary>A ticket to open.</summary>
/// <param name="Title">Short title.</param>
/// <param name="Description">Body.</param>
/// <param name="Priority">Priority label, e.g. "P1".</param>
/// <param name="Observables">Indicators to record (IPs, host names, hashes, mail addresses).</param>
public sealed record NewTicket(string Title, string Description, string Priority, IReadOnlyList<string> Observables);
