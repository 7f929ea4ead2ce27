using Microsoft.EntityFrameworkCore;

namespace ChatOpsBot.Storage.Postgres;

/// <summary>The same model on PostgreSQL; a subclass only so its migrations (Migrations/Postgres) are PostgreSQL's own.</summary>
public sealed class PostgresChatOpsDbContext(DbContextOptions<PostgresChatOpsDbContext> options) : ChatOpsDbContext(options);
