namespace ChatOpsBot.Core.Ticketing;

/// <summary>A ticket to open.</summary>
/// <param name="Title">Short title.</param>
/// <param name="Description">Body.</param>
/// <param name="Priority">Priority label, e.g. "P1".</param>
/// <param name="Observables">Observables to record with it (C2 IPs, victim hosts, hashes, URLs, mail addresses).</param>
public sealed record NewTicket(string Title, string Description, string Priority, IReadOnlyList<TicketObservable> Observables);
