using System.Globalization;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Ticketing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Connectors.TheHive;

/// <summary>
/// TheHive 5 as the incident ticket system. The ticket shown in chat is the case number (<c>#123</c>). Every call is
/// idempotent through TheHive itself, so a run resumed after a crash finds its earlier work instead of repeating it:
/// the case and file observables carry a tag derived from the idempotency key, task logs carry it as a hidden
/// marker, and each call searches for it before writing.
/// </summary>
internal sealed partial class TheHiveTicketing(TheHiveApi api, IOptions<TheHiveOptions> options, ILogger<TheHiveTicketing> logger) : ITicketing
{
    private const int PageSize = 1000;
    private readonly TheHiveOptions _options = options.Value;

    public async Task<TicketRef> CreateAsync(NewTicket ticket, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var tag = TheHiveObservables.KeyTag(idempotencyKey);

        var found = await api.QueryAsync("chatopsbot-case-by-key",
            [Step("listCase"), Filter("tags", tag), Page(0, 1)], cancellationToken).ConfigureAwait(false);
        var theCase = found.Count > 0 ? found[0]!.AsObject() : null;
        if (theCase is null)
        {
            var created = await api.CreateCaseAsync(new JsonObject
            {
                ["title"] = ticket.Title,
                ["description"] = ticket.Description,
                ["severity"] = TheHiveObservables.Severity(ticket.Priority),
                ["tlp"] = _options.Tlp,
                ["pap"] = _options.Pap,
                ["flag"] = false,
                ["tags"] = new JsonArray([.. _options.CaseTags.Select(t => (JsonNode)t!), tag]),
            }, cancellationToken).ConfigureAwait(false);
            theCase = created.AsObject();
            LogCaseCreated(Number(theCase));
        }

        var caseId = Id(theCase);
        // After a crash between the case and its observables, the resumed call adds only the missing ones.
        await AddMissingObservablesAsync(caseId, ticket.Observables, tag, cancellationToken).ConfigureAwait(false);
        return new TicketRef("#" + Number(theCase), new Uri(new Uri(_options.BaseUrl), $"cases/{caseId}/details").ToString());
    }

    public async Task CommentAsync(string ticketId, string text, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var marker = $"<!-- {TheHiveObservables.KeyTag(idempotencyKey)} -->";
        var caseId = await CaseIdAsync(ticketId, cancellationToken).ConfigureAwait(false);
        var taskId = await PlaybookTaskIdAsync(caseId, cancellationToken).ConfigureAwait(false);

        var logs = await api.QueryAsync("chatopsbot-task-logs",
            [Step("getTask", "idOrName", taskId), Step("logs"), Page(0, PageSize)], cancellationToken).ConfigureAwait(false);
        if (logs.Any(l => l?["message"]?.GetValue<string>().Contains(marker, StringComparison.Ordinal) == true))
            return;

        await api.CreateTaskLogAsync(taskId, new JsonObject { ["message"] = $"{text}\n\n{marker}" }, cancellationToken).ConfigureAwait(false);
    }

    public async Task AttachAsync(string ticketId, TicketAttachment attachment, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var tag = TheHiveObservables.KeyTag(idempotencyKey);
        var caseId = await CaseIdAsync(ticketId, cancellationToken).ConfigureAwait(false);

        var existing = await api.QueryAsync("chatopsbot-observable-by-key",
            [Step("getCase", "idOrName", caseId), Step("observables"), Filter("tags", tag), Page(0, 1)], cancellationToken).ConfigureAwait(false);
        if (existing.Count > 0)
            return;

        await api.CreateFileObservableAsync(caseId, new JsonObject
        {
            ["dataType"] = "file",
            ["message"] = $"Attached by ChatOpsBot: {attachment.FileName}",
            ["tlp"] = _options.Tlp,
            ["pap"] = _options.Pap,
            ["ioc"] = false,
            ["tags"] = new JsonArray("chatopsbot", tag),
        }, attachment.FileName, attachment.ContentType, attachment.Content, cancellationToken).ConfigureAwait(false);
    }

    public async Task ResolveAsync(string ticketId, string summary, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var theCase = (await api.GetCaseAsync(CaseReference(ticketId), cancellationToken).ConfigureAwait(false)).AsObject();
        // Closed already (by an earlier attempt, or by an analyst): the first resolution stands.
        if (string.Equals(theCase["stage"]?.GetValue<string>(), "Closed", StringComparison.OrdinalIgnoreCase))
            return;

        await api.UpdateCaseAsync(Id(theCase), new JsonObject
        {
            ["status"] = _options.ResolvedStatus,
            ["impactStatus"] = _options.ImpactStatus,
            ["summary"] = summary,
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task AddObservablesAsync(string ticketId, IReadOnlyList<TicketObservable> observables, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observables);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        if (observables.Count == 0)
            return;
        var caseId = await CaseIdAsync(ticketId, cancellationToken).ConfigureAwait(false);
        await AddMissingObservablesAsync(caseId, observables, TheHiveObservables.KeyTag(idempotencyKey), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the case's observables and adds those not there yet (same data type and value), so a repeated or resumed
    /// call, or another call naming the same host, adds nothing twice.
    /// </summary>
    private async Task AddMissingObservablesAsync(string caseId, IReadOnlyList<TicketObservable> observables, string tag, CancellationToken cancellationToken)
    {
        var wanted = observables.Where(o => !string.IsNullOrWhiteSpace(o.Value)).ToList();
        if (wanted.Count == 0)
            return;
        var existing = await api.QueryAsync("chatopsbot-case-observables",
            [Step("getCase", "idOrName", caseId), Step("observables"), Page(0, PageSize)], cancellationToken).ConfigureAwait(false);
        var present = existing
            .Select(o => (Type: o?["dataType"]?.GetValue<string>(), Data: o?["data"]?.GetValue<string>()))
            .Where(o => o.Type is not null && o.Data is not null)
            .ToList();
        var added = new List<TicketObservable>();
        foreach (var observable in wanted)
        {
            var dataType = TheHiveObservables.DataType(observable.Type);
            if (present.Any(p => p.Type == dataType && TheHiveObservables.Same(observable.Type, p.Data!, observable.Value)) || added.Any(observable.SameAs))
                continue;
            await api.CreateObservableAsync(caseId, new JsonObject
            {
                ["dataType"] = dataType,
                ["data"] = observable.Value,
                ["message"] = observable.Description.Length > 0 ? observable.Description : null,
                ["tlp"] = _options.Tlp,
                ["pap"] = _options.Pap,
                ["ioc"] = observable.Ioc,
                ["tags"] = new JsonArray([.. new[] { "chatopsbot", tag }.Concat(observable.Tags).Select(t => (JsonNode)t!)]),
            }, cancellationToken).ConfigureAwait(false);
            added.Add(observable);
        }
    }

    private async Task<string> PlaybookTaskIdAsync(string caseId, CancellationToken cancellationToken)
    {
        var tasks = await api.QueryAsync("chatopsbot-playbook-task",
            [Step("getCase", "idOrName", caseId), Step("tasks"), Filter("title", _options.TaskTitle), Page(0, 1)], cancellationToken).ConfigureAwait(false);
        if (tasks.Count > 0)
            return Id(tasks[0]!.AsObject());
        var created = await api.CreateTaskAsync(caseId, new JsonObject
        {
            ["title"] = _options.TaskTitle,
            ["description"] = "Steps of the C2 malware detection playbook, logged by ChatOpsBot.",
            ["status"] = "InProgress",
        }, cancellationToken).ConfigureAwait(false);
        return Id(created.AsObject());
    }

    private async Task<string> CaseIdAsync(string ticketId, CancellationToken cancellationToken) =>
        Id((await api.GetCaseAsync(CaseReference(ticketId), cancellationToken).ConfigureAwait(false)).AsObject());

    /// <summary><c>#123</c> (as shown in chat) → <c>123</c>; TheHive accepts a case number or an id in the path.</summary>
    private static string CaseReference(string ticketId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticketId);
        return ticketId.TrimStart('#');
    }

    private static string Id(JsonObject node) =>
        node["_id"]?.GetValue<string>() ?? throw new TheHiveException("TheHive answered an object without _id.");

    private static string Number(JsonObject node) =>
        node["number"] is JsonValue n && n.TryGetValue<long>(out var number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : throw new TheHiveException("TheHive answered a case without a number.");

    private static JsonObject Step(string name) => new() { ["_name"] = name };

    private static JsonObject Step(string name, string key, string value) => new() { ["_name"] = name, [key] = value };

    private static JsonObject Filter(string field, string value) =>
        new() { ["_name"] = "filter", ["_eq"] = new JsonObject { ["_field"] = field, ["_value"] = value } };

    private static JsonObject Page(int from, int to) => new() { ["_name"] = "page", ["from"] = from, ["to"] = to };

    [LoggerMessage(Level = LogLevel.Information, Message = "TheHive case #{Number} created")]
    private partial void LogCaseCreated(string number);
}
