using ChatOpsBot.Core.Runs;
using Microsoft.EntityFrameworkCore;

namespace ChatOpsBot.Storage.Runs;

/// <summary>
/// <see cref="IRunStore"/> over <see cref="ChatOpsDbContext"/>. Singleton-safe: each call uses its own context.
/// Saves are a single conditional UPDATE on the version, so two writers that read the same version cannot both win.
/// </summary>
public sealed class EfRunStore(IDbContextFactory<ChatOpsDbContext> contexts, TimeProvider time) : IRunStore
{
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
            db.Runs.Add(ToRow(run));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            (run.Version, run.UpdatedAt) = (version, updatedAt);
            if (e is DbUpdateException && await ExistsAsync(run.Id, cancellationToken).ConfigureAwait(false))
                throw new RunAlreadyExistsException(run.Id, e);
            throw;
        }
    }

    private async Task<bool> ExistsAsync(string runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Runs.AnyAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PlaybookRun?> FindAsync(string runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false);
        if (row is null)
            return null;

        var run = RunJson.Deserialize(row.Document);
        // The row is the authority on the bookkeeping columns.
        run.Version = row.Version;
        run.CreatedAt = row.CreatedAt;
        run.UpdatedAt = row.UpdatedAt;
        return run;
    }

    public async Task SaveAsync(PlaybookRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);

        var expected = run.Version;
        var previousUpdatedAt = run.UpdatedAt;
        run.Version = expected + 1;
        run.UpdatedAt = time.GetUtcNow();
        var row = ToRow(run);

        int updated;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            updated = await db.Runs
                .Where(r => r.Id == run.Id && r.Version == expected)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(r => r.Version, row.Version)
                    .SetProperty(r => r.State, row.State)
                    .SetProperty(r => r.Section, row.Section)
                    .SetProperty(r => r.UpdatedAt, row.UpdatedAt)
                    .SetProperty(r => r.Document, row.Document), cancellationToken)
                .ConfigureAwait(false);
        }
        catch
        {
            (run.Version, run.UpdatedAt) = (expected, previousUpdatedAt);
            throw;
        }

        if (updated == 0)
        {
            // Leave the caller's copy as it was read, so the exception describes what the caller holds.
            (run.Version, run.UpdatedAt) = (expected, previousUpdatedAt);
            throw new RunConcurrencyException(run.Id, expected);
        }
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

    private static RunRow ToRow(PlaybookRun run) => new()
    {
        Id = run.Id,
        State = run.State.ToString(),
        Section = RunSections.Current(run),
        CreatedAt = run.CreatedAt,
        UpdatedAt = run.UpdatedAt,
        Version = run.Version,
        Document = RunJson.Serialize(run),
    };
}
