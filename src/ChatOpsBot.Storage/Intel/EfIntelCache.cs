using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatOpsBot.Core.Intel;
using ChatOpsBot.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatOpsBot.Storage.Intel;

/// <summary>
/// <see cref="IIntelCache"/> in the bot's database, so every replica reuses every answer. A store is one upsert
/// (<c>INSERT … ON CONFLICT DO UPDATE</c>, the same text on SQLite and PostgreSQL): the newest answer wins.
/// </summary>
public sealed class EfIntelCache(IDbContextFactory<ChatOpsDbContext> contexts) : IIntelCache
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IntelCacheEntry?> FindAsync(string provider, IndicatorKind kind, string indicator, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(indicator);
        var hash = Hash(indicator);
        var kindName = kind.ToString();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.IntelVerdicts.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Provider == provider && r.Kind == kindName && r.IndicatorHash == hash, cancellationToken).ConfigureAwait(false);
        if (row is null || !Enum.TryParse<Verdict>(row.Verdict, out var verdict)) return null;
        return new IntelCacheEntry(row.Provider, kind, row.Indicator, verdict, row.Source, row.Detail,
            JsonSerializer.Deserialize<List<PulseRef>>(row.Pulses, Json) ?? [], JsonSerializer.Deserialize<List<string>>(row.Addresses, Json) ?? [], row.FetchedAt);
    }

    public async Task StoreAsync(IntelCacheEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO intel_verdicts ("Provider", "Kind", "IndicatorHash", "Indicator", "Verdict", "Source", "Detail", "Pulses", "Addresses", "FetchedAt")
            VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9})
            ON CONFLICT ("Provider", "Kind", "IndicatorHash") DO UPDATE SET
                "Indicator" = excluded."Indicator", "Verdict" = excluded."Verdict", "Source" = excluded."Source", "Detail" = excluded."Detail",
                "Pulses" = excluded."Pulses", "Addresses" = excluded."Addresses", "FetchedAt" = excluded."FetchedAt"
            """,
            [
                entry.Provider, entry.Kind.ToString(), Hash(entry.Indicator), entry.Indicator, entry.Verdict.ToString(), entry.Source, entry.Detail,
                JsonSerializer.Serialize(entry.Pulses, Json), JsonSerializer.Serialize(entry.Addresses, Json),
                entry.FetchedAt.ToUniversalTime().ToString(UtcIsoDateTimeOffsetConverter.Format, CultureInfo.InvariantCulture),
            ], cancellationToken).ConfigureAwait(false);
    }

    internal static string Hash(string indicator) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(indicator)));
}
