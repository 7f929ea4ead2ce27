using ChatOpsBot.Core.Ticketing;
using ChatOpsBot.Storage.Ticketing;
using Microsoft.EntityFrameworkCore;

namespace ChatOpsBot.Storage.Tests.Ticketing;

public sealed class DbTicketingRaceTests
{
    private static CancellationToken Ct => CancellationToken.None;

    private static string ConnectionString(StorageFixture storage) => $"Data Source={StorageFixture.DatabasePath(storage.Directory)}";

    [Fact]
    public async Task Create_that_loses_the_race_on_the_unique_key_returns_the_winners_ticket()
    {
        await using var storage = await StorageFixture.CreateAsync();
        var racing = new RacingContextFactory(ConnectionString(storage),
            "INSERT INTO tickets (Title, Description, Priority, Status, Observables, CreatedAt, IdempotencyKey) " +
            "VALUES ('winner', '', 'P1', 'Open', '[]', '2026-11-28T08:00:00.0000000Z', 'create-race');");
        var ticketing = new DbTicketing(racing, storage.Time);

        var result = await ticketing.CreateAsync(new NewTicket("loser", "", "P1", []), "create-race", Ct);

        Assert.Equal(1, racing.Races);
        Assert.Equal(new TicketRef("INC-000001", null), result);
        var only = Assert.Single(await storage.Tickets.ListAsync(10, Ct));
        Assert.Equal("winner", only.Title);
    }

    [Fact]
    public async Task Comment_that_loses_the_race_on_the_unique_key_writes_nothing_more()
    {
        await using var storage = await StorageFixture.CreateAsync();
        var ticket = await storage.Ticketing.CreateAsync(new NewTicket("t", "", "P1", []), "create-1", Ct);
        var racing = new RacingContextFactory(ConnectionString(storage),
            "INSERT INTO ticket_comments (TicketId, Text, At, IdempotencyKey) " +
            "VALUES (1, 'winner', '2026-11-28T08:00:00.0000000Z', 'comment-race');");
        var ticketing = new DbTicketing(racing, storage.Time);

        await ticketing.CommentAsync(ticket.Id, "loser", "comment-race", Ct);

        Assert.Equal(1, racing.Races);
        var comment = Assert.Single((await storage.Tickets.GetAsync(ticket.Id, Ct))!.Comments);
        Assert.Equal("winner", comment.Text);
    }

    [Fact]
    public async Task A_failed_insert_for_another_reason_is_not_swallowed()
    {
        await using var storage = await StorageFixture.CreateAsync();
        var ticket = await storage.Ticketing.CreateAsync(new NewTicket("t", "", "P1", []), "create-1", Ct);
        // The insert fails for a reason other than its key, so no row with that key exists to fall back on.
        await using (var db = await storage.OpenAsync())
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER no_comments BEFORE INSERT ON ticket_comments BEGIN SELECT RAISE(ABORT, 'closed'); END;", Ct);

        await Assert.ThrowsAsync<DbUpdateException>(() => storage.Ticketing.CommentAsync(ticket.Id, "x", "comment-1", Ct));
    }
}
