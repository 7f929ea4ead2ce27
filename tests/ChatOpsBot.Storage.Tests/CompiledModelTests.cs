using ChatOpsBot.Storage.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ChatOpsBot.Storage.Tests;

/// <summary>
/// The contexts run on compiled models (CompiledModels/, `dotnet ef dbcontext optimize`, see the Storage README):
/// building the model at start-up was a large part of a terminal run's fixed cost. A compiled model that no longer
/// matches the model the code describes would silently map rows wrongly, so it is compared here.
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public async Task Sqlite_context_uses_a_compiled_model_equal_to_the_code_model()
    {
        await using var storage = await StorageFixture.CreateAsync(migrate: false);
        await using var db = await storage.OpenAsync();

        AssertCompiledAndCurrent(db, typeof(CompiledModels.Sqlite.ChatOpsDbContextModel));
    }

    [Fact]
    public void Postgres_context_uses_a_compiled_model_equal_to_the_code_model()
    {
        // Building the model opens no connection; no server is needed.
        var builder = new DbContextOptionsBuilder<PostgresChatOpsDbContext>();
        ChatOpsDbContextOptions.Configure(builder, new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=127.0.0.1;Database=unused" });
        using var db = new PostgresChatOpsDbContext(builder.Options);

        AssertCompiledAndCurrent(db, typeof(CompiledModels.Postgres.PostgresChatOpsDbContextModel));
    }

    private static void AssertCompiledAndCurrent(DbContext db, Type compiledModelType)
    {
        var code = db.GetService<IDesignTimeModel>().Model;
        var compiled = db.Model;

        Assert.IsType(compiledModelType, compiled);
        Assert.Equal(Describe(code), Describe(compiled));
    }

    /// <summary>What a row mapping depends on: tables, columns with store types and nullability, keys, indexes, foreign keys.</summary>
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var table in model.GetRelationalModel().Tables)
        {
            lines.AddRange(table.Columns.Select(c => $"{table.Name}.{c.Name} {c.StoreType} null={c.IsNullable}"));
            lines.Add($"{table.Name} pk {string.Join(",", table.PrimaryKey?.Columns.Select(c => c.Name) ?? [])}");
            lines.AddRange(table.Indexes.Select(i => $"{table.Name} index {i.Name} unique={i.IsUnique} ({string.Join(",", i.Columns.Select(c => c.Name))})"));
            lines.AddRange(table.ForeignKeyConstraints.Select(f => $"{table.Name} fk {f.Name} -> {f.PrincipalTable.Name} {f.OnDeleteAction}"));
        }
        lines.AddRange(model.GetEntityTypes().SelectMany(e => e.GetProperties().Select(p =>
            $"{e.ClrType.Name}.{p.Name} {p.ClrType.Name} converter={p.GetTypeMapping().Converter?.GetType().Name} concurrency={p.IsConcurrencyToken} generated={p.ValueGenerated}")));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
