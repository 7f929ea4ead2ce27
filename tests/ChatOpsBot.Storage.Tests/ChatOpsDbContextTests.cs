using ChatOpsBot.Storage.Tests.Runs;
using Microsoft.EntityFrameworkCore;

namespace ChatOpsBot.Storage.Tests;

public sealed class ChatOpsDbContextTests
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Timestamps_are_stored_as_sortable_utc_text()
    {
        await using var storage = await StorageFixture.CreateAsync();
        var run = SampleRuns.InValidation("r-1", new DateTimeOffset(2026, 11, 28, 10, 30, 0, TimeSpan.FromHours(2)));
        await storage.Runs.CreateAsync(run, Ct);

        await using var db = await storage.OpenAsync();
        var stored = await db.Database.SqlQueryRaw<string>("SELECT CreatedAt AS Value FROM runs").SingleAsync(Ct);

        Assert.Equal("2026-11-28T08:30:00.0000000Z", stored);
    }
}
