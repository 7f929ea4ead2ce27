using ChatOpsBot.Core.Playbook.Engine;
using ChatOpsBot.Core.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Storage.Runs;

/// <summary>
/// <see cref="IRunStore"/> over <see cref="ChatOpsDbContext"/>. Singleton-safe: each call uses its own context.
/// Saves are a conditional UPDATE on the version, so two writers that read the same version cannot both win.
/// <para>
/// A run's append-only lists (timeline, closed prompts, hits) are rows of <c>run_entries</c>, and the <c>runs</c> row
/// holds the rest of the run (<see cref="RunDocument"/>) and how many entries of each list are stored. A save
/// inserts the entries past those counts in the same transaction as the version-checked UPDATE, so its cost follows
/// what changed, not the run's size. Loads take the entries they already hold from a per-store
/// <see cref="RunEntryCache"/> and read only the rest, which is how one replica sees another's appends.
/// </para>
/// </summary>
public sealed class EfRunStore(IDbContextFactory<ChatOpsDbContext> contexts, TimeProvider time, IOptions<StorageOptions> options)
    : IRunStore
{
    private readonly RunEntryCache _cache = new(options.Value.RunCacheSize);

    public async Task CreateAsync(PlaybookRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(run.Id);

        var (version, updatedAt) = (run.Version, run.UpdatedAt);
        var now = time.GetUtcNow();
        if (run.CreatedAt == default)
            run.CreatedAt = now;
        run.UpdatedAt = now;
        run.Version = 1;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            db.Runs.Add(ToRow(run, generation: 0));
            db.RunEntries.AddRange(RunEntryRows.From(run, default));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            (run.Version, run.UpdatedAt) = (version, updatedAt);
            if (e is DbUpdateException && await ExistsAsync(run.Id, cancellationToken).ConfigureAwait(false))
                throw new RunAlreadyExistsException(run.Id, e);
            throw;
        }
        _cache.Record(run.Id, run.Version, 0, RunEntryLists.Of(run));
    }

    private async Task<bool> ExistsAsync(string runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Runs.AnyAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PlaybookRun?> FindAsync(string runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var snapshot = await ReadSnapshot.BeginAsync(db, cancellationToken).ConfigureAwait(false);
        var row = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false);
        if (row is null)
            return null;

        PlaybookRun run;
        if (RunEntryCounts.Of(row.TimelineCount, row.ClosedPromptCount, row.HitCount) is { } stored)
        {
            run = RunDocument.Deserialize(row.Document);
            await FillEntriesAsync(db, run, row, stored, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Written before run_entries existed: the document holds everything. The next save converts it.
            _cache.Forget(row.Id);
            run = RunJson.Deserialize(row.Document);
        }

        // The row is the authority on the bookkeeping columns.
        run.Version = row.Version;
        run.CreatedAt = row.CreatedAt;
        run.UpdatedAt = row.UpdatedAt;
        return run;
    }

    private async Task FillEntriesAsync(ChatOpsDbContext db, PlaybookRun run, RunRow row, RunEntryCounts stored, CancellationToken cancellationToken)
    {
        var cached = _cache.Prefix(row.Id, row.EntryGeneration, stored);
        var from = cached is null ? default : new RunEntryCounts(cached[0].Length, cached[1].Length, cached[2].Length);
        var tails = from == stored
            ? RunEntryLists.All.Select(_ => new List<object>()).ToArray()
            : await RunEntryRows.ReadAsync(db, row.Id, from, stored, cancellationToken).ConfigureAwait(false);
        foreach (var list in RunEntryLists.All)
        {
            var prefix = cached is null ? ReadOnlySpan<object>.Empty : cached[(int)list.Kind].Span;
            list.Assign(run, prefix, tails[(int)list.Kind]);
        }
        _cache.Record(row.Id, row.Version, row.EntryGeneration, RunEntryLists.Of(run));
    }

    public async Task SaveAsync(PlaybookRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);

        var expected = run.Version;
        var previousUpdatedAt = run.UpdatedAt;
        run.Version = expected + 1;
        run.UpdatedAt = time.GetUtcNow();

        int? generation;
        try
        {
            generation = await WriteAsync(run, expected, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            (run.Version, run.UpdatedAt) = (expected, previousUpdatedAt);
            throw;
        }

        if (generation is null)
        {
            // Leave the caller's copy as it was read, so the exception describes what the caller holds.
            (run.Version, run.UpdatedAt) = (expected, previousUpdatedAt);
            throw new RunConcurrencyException(run.Id, expected);
        }
        _cache.Record(run.Id, run.Version, generation.Value, RunEntryLists.Of(run));
    }

    /// <summary>One transaction: the version-checked UPDATE and the entries it adds. Null when the version moved on.</summary>
    private async Task<int?> WriteAsync(PlaybookRun run, int expected, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        // On SQLite this is BEGIN IMMEDIATE: the write lock is taken before the counts are read.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Counts at the version the caller read. Should a writer slip in before the UPDATE, the UPDATE matches nothing.
        var stored = await db.Runs
            .Where(r => r.Id == run.Id && r.Version == expected)
            .Select(r => new { r.TimelineCount, r.ClosedPromptCount, r.HitCount, r.EntryGeneration })
            .SingleOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        if (stored is null)
            return null;

        var plan = RunEntryPlan.For(run, RunEntryCounts.Of(stored.TimelineCount, stored.ClosedPromptCount, stored.HitCount),
            stored.EntryGeneration, _cache);
        var generation = plan.Rewritten.Count > 0 ? stored.EntryGeneration + 1 : stored.EntryGeneration;
        var row = ToRow(run, generation);
        var updated = await db.Runs
            .Where(r => r.Id == run.Id && r.Version == expected)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Version, row.Version)
                .SetProperty(r => r.State, row.State)
                .SetProperty(r => r.Section, row.Section)
                .SetProperty(r => r.UpdatedAt, row.UpdatedAt)
                .SetProperty(r => r.Document, row.Document)
                .SetProperty(r => r.TimelineCount, row.TimelineCount)
                .SetProperty(r => r.ClosedPromptCount, row.ClosedPromptCount)
                .SetProperty(r => r.HitCount, row.HitCount)
                .SetProperty(r => r.EntryGeneration, row.EntryGeneration)
                .SetProperty(r => r.OutboxCount, row.OutboxCount), cancellationToken)
            .ConfigureAwait(false);
        if (updated == 0)
            return null;

        foreach (var kind in plan.Rewritten)
            await db.RunEntries.Where(e => e.RunId == run.Id && e.Kind == kind)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        db.RunEntries.AddRange(RunEntryRows.From(run, plan.From));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return generation;
    }

    public async Task<IReadOnlyList<RunSummary>> ListAsync(int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(take);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Runs.AsNoTracking()
            .OrderByDescending(r => r.CreatedAt)
            .ThenByDescending(r => r.Id)
            .Take(take)
            .Select(r => new { r.Id, r.State, r.Section, r.CreatedAt, r.UpdatedAt })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

        return rows
            .Select(r => new RunSummary(r.Id, Enum.Parse<RunState>(r.State), r.Section, r.CreatedAt, r.UpdatedAt))
            .ToList();
    }

    private static RunRow ToRow(PlaybookRun run, int generation) => new()
    {
        Id = run.Id,
        State = run.State.ToString(),
        Section = RunSections.Current(run),
        CreatedAt = run.CreatedAt,
        UpdatedAt = run.UpdatedAt,
        Version = run.Version,
        Document = RunDocument.Serialize(run),
        TimelineCount = run.Timeline.Count,
        ClosedPromptCount = run.ClosedPrompts.Count,
        HitCount = run.Hits.Count,
        EntryGeneration = generation,
        OutboxCount = run.Outbox.Count,
        Channel = run.Settings.Channel,
    };
}
