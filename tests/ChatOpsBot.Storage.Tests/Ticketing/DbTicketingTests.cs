using ChatOpsBot.Core.Ticketing;
using ChatOpsBot.Storage.Ticketing;
using Microsoft.EntityFrameworkCore;

namespace ChatOpsBot.Storage.Tests.Ticketing;

public class DbTicketingTests
{
    /// <summary>The database engine these tests run on; a subclass runs them all on PostgreSQL.</summary>
    protected virtual StorageProvider Provider => StorageProvider.Sqlite;

    private static CancellationToken Ct => CancellationToken.None;

    private static NewTicket Incident(string title = "C2 traffic from ws-017") =>
        new(title, "Hunt found beaconing to 203.0.113.7.", "P1",
            [new TicketObservable(ObservableType.Ip, "203.0.113.7", Ioc: true, ["c2"]), TicketObservable.Host("ws-017", ioc: false, ["victim"])]);

    [SkippableFact]
    public async Task Create_numbers_tickets_from_INC_000001()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);

        var first = await storage.Ticketing.CreateAsync(Incident("one"), "create-1", Ct);
        var second = await storage.Ticketing.CreateAsync(Incident("two"), "create-2", Ct);

        Assert.Equal("INC-000001", first.Id);
        Assert.Equal("INC-000002", second.Id);
        var stored = (await storage.Tickets.GetAsync("INC-000001", Ct))!;
        Assert.Equal("one", stored.Title);
        Assert.Equal("P1", stored.Priority);
        Assert.Equal(TicketStatus.Open, stored.Status);
        Assert.Equal(["203.0.113.7", "ws-017"], stored.Observables);
        Assert.Equal(StorageFixture.Start, stored.CreatedAt);
    }

    [SkippableFact]
    public async Task Create_with_the_same_key_twice_returns_the_first_ticket_and_stores_one()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);

        var first = await storage.Ticketing.CreateAsync(Incident("first"), "create-1", Ct);
        var again = await storage.Ticketing.CreateAsync(Incident("second"), "create-1", Ct);

        Assert.Equal(first, again);
        var only = Assert.Single(await storage.Tickets.ListAsync(10, Ct));
        Assert.Equal("first", only.Title);
    }

    [SkippableFact]
    public async Task Concurrent_creates_with_the_same_key_store_one_ticket()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);

        var refs = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => storage.Ticketing.CreateAsync(Incident($"racer {i}"), "create-race", Ct), Ct)));

        Assert.Single(refs.Distinct());
        Assert.Single(await storage.Tickets.ListAsync(10, Ct));
    }

    [SkippableFact]
    public async Task Comment_with_the_same_key_twice_stores_one_comment()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var ticket = await storage.Ticketing.CreateAsync(Incident(), "create-1", Ct);

        await storage.Ticketing.CommentAsync(ticket.Id, "203.0.113.7 confirmed malware", "comment-1", Ct);
        storage.Time.Advance(TimeSpan.FromMinutes(1));
        await storage.Ticketing.CommentAsync(ticket.Id, "203.0.113.7 confirmed malware", "comment-1", Ct);
        await storage.Ticketing.CommentAsync(ticket.Id, "ws-017 contained", "comment-2", Ct);

        var comments = (await storage.Tickets.GetAsync(ticket.Id, Ct))!.Comments;
        Assert.Equal(["203.0.113.7 confirmed malware", "ws-017 contained"], comments.Select(c => c.Text));
        Assert.Equal(StorageFixture.Start, comments[0].At);
    }

    [SkippableFact]
    public async Task Concurrent_comments_with_the_same_key_store_one_comment()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var ticket = await storage.Ticketing.CreateAsync(Incident(), "create-1", Ct);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => storage.Ticketing.CommentAsync(ticket.Id, "once", "comment-race", Ct), Ct)));

        Assert.Single((await storage.Tickets.GetAsync(ticket.Id, Ct))!.Comments);
    }

    [SkippableFact]
    public async Task Attach_with_the_same_key_twice_stores_one_file_with_its_bytes()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var ticket = await storage.Ticketing.CreateAsync(Incident(), "create-1", Ct);
        var csv = new TicketAttachment("hits.csv", "text/csv", "host,ip\nws-017,203.0.113.7\n"u8.ToArray());

        await storage.Ticketing.AttachAsync(ticket.Id, csv, "attach-1", Ct);
        await storage.Ticketing.AttachAsync(ticket.Id, csv, "attach-1", Ct);

        var file = Assert.Single((await storage.Tickets.GetAsync(ticket.Id, Ct))!.Attachments);
        Assert.Equal("hits.csv", file.FileName);
        Assert.Equal("text/csv", file.ContentType);
        Assert.Equal(csv.Content, file.Content);
        Assert.Equal(csv.Content.Length, file.Size);
    }

    [SkippableFact]
    public async Task Resolve_with_the_same_key_twice_resolves_once()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var ticket = await storage.Ticketing.CreateAsync(Incident(), "create-1", Ct);
        storage.Time.Advance(TimeSpan.FromHours(3));

        await storage.Ticketing.ResolveAsync(ticket.Id, "Contained, no spread.", "resolve-1", Ct);
        storage.Time.Advance(TimeSpan.FromHours(1));
        await storage.Ticketing.ResolveAsync(ticket.Id, "A different summary", "resolve-1", Ct);

        var stored = (await storage.Tickets.GetAsync(ticket.Id, Ct))!;
        Assert.Equal(TicketStatus.Resolved, stored.Status);
        Assert.Equal("Contained, no spread.", stored.ResolutionSummary);
        Assert.Equal(StorageFixture.Start.AddHours(3), stored.ResolvedAt);
    }

    [SkippableFact]
    public async Task Repeated_calls_write_no_extra_rows()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var attachment = new TicketAttachment("a.txt", "text/plain", [1, 2, 3]);
        for (var i = 0; i < 2; i++)
        {
            var ticket = await storage.Ticketing.CreateAsync(Incident(), "create-1", Ct);
            await storage.Ticketing.CommentAsync(ticket.Id, "note", "comment-1", Ct);
            await storage.Ticketing.AttachAsync(ticket.Id, attachment, "attach-1", Ct);
            await storage.Ticketing.ResolveAsync(ticket.Id, "done", "resolve-1", Ct);
        }

        await using var db = await storage.OpenAsync();
        Assert.Equal(1, await db.Tickets.CountAsync(Ct));
        Assert.Equal(1, await db.TicketComments.CountAsync(Ct));
        Assert.Equal(1, await db.TicketAttachments.CountAsync(Ct));
    }

    [SkippableFact]
    public async Task Calls_on_an_unknown_ticket_number_throw_ticket_not_found()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);

        var comment = await Assert.ThrowsAsync<TicketNotFoundException>(
            () => storage.Ticketing.CommentAsync("INC-000999", "x", "comment-1", Ct));
        await Assert.ThrowsAsync<TicketNotFoundException>(
            () => storage.Ticketing.AttachAsync("INC-000999", new TicketAttachment("a", "text/plain", []), "attach-1", Ct));
        await Assert.ThrowsAsync<TicketNotFoundException>(
            () => storage.Ticketing.ResolveAsync("INC-000999", "x", "resolve-1", Ct));

        Assert.Equal("INC-000999", comment.TicketNumber);
        Assert.Contains("INC-000999", comment.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Queries_return_null_for_an_unknown_number_and_list_newest_first()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        await storage.Ticketing.CreateAsync(Incident("one"), "create-1", Ct);
        await storage.Ticketing.CreateAsync(Incident("two"), "create-2", Ct);

        Assert.Null(await storage.Tickets.GetAsync("INC-000999", Ct));
        Assert.Equal(["INC-000002", "INC-000001"], (await storage.Tickets.ListAsync(10, Ct)).Select(t => t.Number));
    }

    [SkippableFact]
    public async Task AddObservables_records_each_observable_once_with_its_type_ioc_and_tags()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var ticket = await storage.Ticketing.CreateAsync(Incident(), "create-1", Ct);
        TicketObservable[] later =
        [
            new(ObservableType.Ip, "198.51.100.9", Ioc: true, ["c2", "pulse:Emotet epoch 5"], "C2 IP confirmed by ana"),
            TicketObservable.Host("WS-017", ioc: false, ["victim"]),
            new(ObservableType.Url, "https://x.example/A", Ioc: true, ["phishing"]),
            new(ObservableType.Url, "https://x.example/a", Ioc: true, ["phishing"]),
        ];

        await storage.Ticketing.AddObservablesAsync(ticket.Id, later, "observables-1", Ct);
        // A resumed run repeats the call; another call names the same host again.
        await storage.Ticketing.AddObservablesAsync(ticket.Id, later, "observables-1", Ct);
        await storage.Ticketing.AddObservablesAsync(ticket.Id, [TicketObservable.Host("ws-017", ioc: false, ["victim"])], "observables-2", Ct);

        await using var db = await storage.OpenAsync();
        var rows = await db.TicketObservables.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(
            [("Ip", "203.0.113.7", true), ("Hostname", "ws-017", false), ("Ip", "198.51.100.9", true), ("Url", "https://x.example/A", true), ("Url", "https://x.example/a", true)],
            rows.Select(r => (r.Type, r.Value, r.Ioc)));
        Assert.Equal(["c2", "pulse:Emotet epoch 5"], rows[2].Tags);
        Assert.Equal("C2 IP confirmed by ana", rows[2].Description);
        Assert.Equal(["victim"], rows[1].Tags);
        var stored = (await storage.Tickets.GetAsync(ticket.Id, Ct))!;
        Assert.Equal(["203.0.113.7", "ws-017", "198.51.100.9", "https://x.example/A", "https://x.example/a"], stored.Observables);
    }

    [SkippableFact]
    public async Task Create_repeated_after_a_crash_adds_the_observables_the_first_call_did_not()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var first = await storage.Ticketing.CreateAsync(Incident() with { Observables = [] }, "create-1", Ct);

        var again = await storage.Ticketing.CreateAsync(Incident(), "create-1", Ct);

        Assert.Equal(first, again);
        Assert.Equal(["203.0.113.7", "ws-017"], (await storage.Tickets.GetAsync(first.Id, Ct))!.Observables);
    }

    [SkippableFact]
    public async Task AddObservables_to_an_unknown_ticket_fails_naming_it()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);

        var error = await Assert.ThrowsAsync<TicketNotFoundException>(() =>
            storage.Ticketing.AddObservablesAsync("INC-000404", [TicketObservable.Host("ws-1", ioc: false, [])], "k", Ct));

        Assert.Contains("INC-000404", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>Every <see cref="DbTicketingTests"/> case on a real PostgreSQL server.</summary>
public sealed class DbTicketingPostgresTests : DbTicketingTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
