using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using ChatOpsBot.Core.Siem;
using ChatOpsBot.Storage.Runs;
using Microsoft.EntityFrameworkCore;

namespace ChatOpsBot.Storage.Tests.Runs;

// The append-only lists (timeline, closed prompts, hits) as rows of run_entries; runs on both providers like the rest.
public partial class EfRunStoreTests
{
    [SkippableFact]
    public async Task Save_inserts_only_the_entries_added_since_the_stored_version()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        await storage.Runs.CreateAsync(SampleRuns.InValidation("r-1", StorageFixture.Start), Ct);
        // Marks a stored row behind the store's back: a save that rewrote the list would overwrite it.
        await SetEntryJsonAsync(storage, "r-1", RunEntryKind.Timeline, 0, Json(Note("tampered")));
        var run = (await storage.Runs.FindAsync("r-1", Ct))!;

        run.Timeline.Add(Note("third"));
        run.Hits.Add(Hit("198.51.100.9"));
        await storage.Runs.SaveAsync(run, Ct);
        run.Timeline.Add(Note("fourth"));
        await storage.Runs.SaveAsync(run, Ct);

        Assert.Contains("tampered", await EntryJsonAsync(storage, "r-1", RunEntryKind.Timeline, 0));
        Assert.Equal((4, 1, 2), await EntryRowCountsAsync(storage, "r-1"));
        await using var db = await storage.OpenAsync();
        var row = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == "r-1", Ct);
        Assert.Equal((4, 1, 2, 0), (row.TimelineCount, row.ClosedPromptCount, row.HitCount, row.EntryGeneration));
        Assert.DoesNotContain("\"timeline\"", row.Document, StringComparison.Ordinal);
        Assert.Contains("\"remoteIps\"", row.Document, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Saves_and_loads_round_trip_the_whole_run_for_this_and_a_fresh_store()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var run = SampleRuns.InValidation("r-1", StorageFixture.Start);
        await storage.Runs.CreateAsync(run, Ct);
        for (var i = 0; i < 5; i++)
        {
            run = (await storage.Runs.FindAsync("r-1", Ct))!;
            run.Timeline.Add(Note($"step {i}"));
            run.ClosedPrompts.Add(new ClosedPrompt { Id = $"r-1/p{i + 10}", Title = "Malware?", Answer = "No", AnsweredBy = "auto", At = StorageFixture.Start });
            if (i % 2 == 0) run.Hits.Add(Hit($"192.0.2.{i}"));
            run.RemoteIps[0].Status = i % 2 == 0 ? IpVerdictStatus.Pending : IpVerdictStatus.NotMalicious;
            await storage.Runs.SaveAsync(run, Ct);
        }

        var expected = RunJson.Serialize(run);
        Assert.Equal(expected, RunJson.Serialize((await storage.Runs.FindAsync("r-1", Ct))!));
        Assert.Equal(expected, RunJson.Serialize((await storage.NewRunStore().FindAsync("r-1", Ct))!));
        Assert.Equal(7, run.Timeline.Count);
        Assert.Equal("step 4", run.Timeline[^1].Value);
    }

    [SkippableFact]
    public async Task Two_stores_on_one_database_see_each_others_appends()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var (a, b) = (storage.Runs, storage.NewRunStore());
        await a.CreateAsync(SampleRuns.InValidation("r-1", StorageFixture.Start), Ct);

        var fromB = (await b.FindAsync("r-1", Ct))!;
        fromB.Timeline.Add(Note("by b"));
        fromB.Hits.Add(Hit("198.51.100.2"));
        await b.SaveAsync(fromB, Ct);
        var fromA = (await a.FindAsync("r-1", Ct))!;
        fromA.Timeline.Add(Note("by a"));
        await a.SaveAsync(fromA, Ct);
        var again = (await b.FindAsync("r-1", Ct))!;

        Assert.Equal(["by b"], fromA.Timeline.Skip(2).Take(1).Select(t => t.Value));
        Assert.Equal("198.51.100.2", fromA.Hits[^1].RemoteIp);
        Assert.Equal(["by b", "by a"], again.Timeline.Skip(2).Select(t => t.Value));
        Assert.Equal(RunJson.Serialize(fromA), RunJson.Serialize(again));
        Assert.Equal(3, again.Version);
    }

    [SkippableFact]
    public async Task A_save_that_loses_the_version_race_stores_no_entries()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        await storage.Runs.CreateAsync(SampleRuns.InValidation("r-1", StorageFixture.Start), Ct);
        var winner = (await storage.Runs.FindAsync("r-1", Ct))!;
        var loser = (await storage.NewRunStore().FindAsync("r-1", Ct))!;
        winner.Timeline.Add(Note("won"));
        await storage.Runs.SaveAsync(winner, Ct);

        loser.Timeline.Add(Note("lost 1"));
        loser.Timeline.Add(Note("lost 2"));
        loser.Hits.Add(Hit("192.0.2.66"));
        loser.ClosedPrompts.Add(new ClosedPrompt { Id = "r-1/p9", Title = "t", Answer = "a", AnsweredBy = "x", At = StorageFixture.Start });
        await Assert.ThrowsAsync<RunConcurrencyException>(() => storage.NewRunStore().SaveAsync(loser, Ct));

        Assert.Equal((3, 1, 1), await EntryRowCountsAsync(storage, "r-1"));
        Assert.Equal(RunJson.Serialize(winner), RunJson.Serialize((await storage.NewRunStore().FindAsync("r-1", Ct))!));
    }

    [SkippableFact]
    public async Task Changing_a_loaded_run_without_saving_does_not_reach_the_next_load()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        await storage.Runs.CreateAsync(SampleRuns.InValidation("r-1", StorageFixture.Start), Ct);
        var before = RunJson.Serialize((await storage.Runs.FindAsync("r-1", Ct))!);

        var scratch = (await storage.Runs.FindAsync("r-1", Ct))!;
        scratch.Timeline.Add(Note("never saved"));
        scratch.Hits.Clear();
        scratch.ClosedPrompts.Insert(0, new ClosedPrompt { Id = "x" });

        Assert.Equal(before, RunJson.Serialize((await storage.Runs.FindAsync("r-1", Ct))!));
    }

    [SkippableFact]
    public async Task Saving_a_replaced_entry_rewrites_the_list_and_other_stores_drop_their_copy()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        await storage.Runs.CreateAsync(SampleRuns.InValidation("r-1", StorageFixture.Start), Ct);
        var other = storage.NewRunStore();
        Assert.Equal("203.0.113.7", (await other.FindAsync("r-1", Ct))!.Hits[0].RemoteIp);
        var run = (await storage.Runs.FindAsync("r-1", Ct))!;

        run.Hits = [Hit("192.0.2.1"), Hit("192.0.2.2")];
        await storage.Runs.SaveAsync(run, Ct);

        var seen = (await other.FindAsync("r-1", Ct))!;
        Assert.Equal(["192.0.2.1", "192.0.2.2"], seen.Hits.Select(h => h.RemoteIp));
        Assert.Equal(RunJson.Serialize(run), RunJson.Serialize(seen));
        Assert.Equal((2, 1, 2), await EntryRowCountsAsync(storage, "r-1"));
    }

    [SkippableFact]
    public async Task Saving_a_shorter_list_rewrites_it()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        await storage.Runs.CreateAsync(SampleRuns.InValidation("r-1", StorageFixture.Start), Ct);
        var run = (await storage.Runs.FindAsync("r-1", Ct))!;

        run.Hits = [];
        run.Timeline.RemoveAt(1);
        await storage.Runs.SaveAsync(run, Ct);

        var found = (await storage.NewRunStore().FindAsync("r-1", Ct))!;
        Assert.Empty(found.Hits);
        Assert.Single(found.Timeline);
        Assert.Equal((1, 1, 0), await EntryRowCountsAsync(storage, "r-1"));
    }

    [SkippableFact]
    public async Task A_run_this_store_never_loaded_is_saved_whole()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        await storage.Runs.CreateAsync(SampleRuns.InValidation("r-1", StorageFixture.Start), Ct);
        await SetEntryJsonAsync(storage, "r-1", RunEntryKind.Timeline, 0, Json(Note("tampered")));
        // Equal content (read through the first store's cache, so untampered), other objects: a store that did not
        // hand these entries out cannot tell them from a replaced list.
        var copy = RunJson.Deserialize(RunJson.Serialize((await storage.Runs.FindAsync("r-1", Ct))!));

        copy.Timeline.Add(Note("third"));
        await storage.NewRunStore().SaveAsync(copy, Ct);

        Assert.DoesNotContain("tampered", await EntryJsonAsync(storage, "r-1", RunEntryKind.Timeline, 0));
        Assert.Equal(RunJson.Serialize(copy), RunJson.Serialize((await storage.NewRunStore().FindAsync("r-1", Ct))!));
    }

    [SkippableFact]
    public async Task A_legacy_whole_document_row_is_read_as_before_and_converted_by_its_next_save()
    {
        await using var storage = await StorageFixture.CreateAsync(Provider);
        var legacy = SampleRuns.InValidation("r-old", StorageFixture.Start);
        legacy.Version = 4;
        await InsertLegacyRowAsync(storage, legacy);

        var found = (await storage.Runs.FindAsync("r-old", Ct))!;
        Assert.Equal(RunJson.Serialize(legacy), RunJson.Serialize(found));

        found.Timeline.Add(Note("after the upgrade"));
        await storage.Runs.SaveAsync(found, Ct);

        Assert.Equal(RunJson.Serialize(found), RunJson.Serialize((await storage.NewRunStore().FindAsync("r-old", Ct))!));
        Assert.Equal((3, 1, 1), await EntryRowCountsAsync(storage, "r-old"));
        await using var db = await storage.OpenAsync();
        var row = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == "r-old", Ct);
        Assert.Equal((3, 1, 1, 5), (row.TimelineCount, row.ClosedPromptCount, row.HitCount, row.Version));
        Assert.DoesNotContain("\"timeline\"", row.Document, StringComparison.Ordinal);
    }

    /// <summary>A row as written before run_entries existed: the whole run in the document, no counts.</summary>
    internal static async Task InsertLegacyRowAsync(StorageFixture storage, PlaybookRun run)
    {
        await using var db = await storage.OpenAsync();
        db.Runs.Add(new RunRow
        {
            Id = run.Id, State = run.State.ToString(), Section = RunSections.Current(run), CreatedAt = run.CreatedAt,
            UpdatedAt = run.UpdatedAt, Version = run.Version, Document = RunJson.Serialize(run),
        });
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<(int Timeline, int ClosedPrompts, int Hits)> EntryRowCountsAsync(StorageFixture storage, string runId)
    {
        await using var db = await storage.OpenAsync();
        var kinds = await db.RunEntries.Where(e => e.RunId == runId).Select(e => e.Kind).ToListAsync(Ct);
        return (kinds.Count(k => k == RunEntryKind.Timeline), kinds.Count(k => k == RunEntryKind.ClosedPrompt), kinds.Count(k => k == RunEntryKind.Hit));
    }

    private static async Task<string> EntryJsonAsync(StorageFixture storage, string runId, RunEntryKind kind, int seq)
    {
        await using var db = await storage.OpenAsync();
        return await db.RunEntries.Where(e => e.RunId == runId && e.Kind == kind && e.Seq == seq).Select(e => e.Json).SingleAsync(Ct);
    }

    private static async Task SetEntryJsonAsync(StorageFixture storage, string runId, RunEntryKind kind, int seq, string json)
    {
        await using var db = await storage.OpenAsync();
        var changed = await db.RunEntries.Where(e => e.RunId == runId && e.Kind == kind && e.Seq == seq)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Json, json), Ct);
        Assert.Equal(1, changed);
    }

    private static string Json(TimelineEntry entry) => System.Text.Json.JsonSerializer.Serialize(entry, RunJson.Options);

    private static TimelineEntry Note(string value) =>
        new() { At = StorageFixture.Start, Kind = TimelineEntryKind.Effect, Section = "Validation", Value = value };

    private static HitRecord Hit(string remoteIp) => new()
    {
        Host = "ws-017", RemoteIp = remoteIp, FirstSeen = StorageFixture.Start, LastSeen = StorageFixture.Start,
        Connections = 1, Bytes = 10, Direction = HitDirection.Outbound, Origin = HitOrigin.Pivot, PivotOf = "203.0.113.7",
    };
}
