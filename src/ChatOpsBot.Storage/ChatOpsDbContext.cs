using ChatOpsBot.Storage.ChannelState;
using ChatOpsBot.Storage.Intel;
using ChatOpsBot.Storage.Quotas;
using ChatOpsBot.Storage.Runs;
using ChatOpsBot.Storage.Sqlite;
using ChatOpsBot.Storage.Ticketing;
using ChatOpsBot.Storage.WorkQueue;
using Microsoft.EntityFrameworkCore;

namespace ChatOpsBot.Storage;

/// <summary>
/// The bot's database: runs, the work queue, the inbox and outbox claims, channel state, the built-in ticketing, and
/// the intel verdict cache and quota slots that replicas share.
/// </summary>
public class ChatOpsDbContext : DbContext
{
    public ChatOpsDbContext(DbContextOptions<ChatOpsDbContext> options) : base(options) { }

    /// <summary>For provider-specific subclasses, which carry their own migrations (see <see cref="Postgres.PostgresChatOpsDbContext"/>).</summary>
    protected ChatOpsDbContext(DbContextOptions options) : base(options) { }

    public DbSet<RunRow> Runs => Set<RunRow>();
    public DbSet<RunEntryRow> RunEntries => Set<RunEntryRow>();
    public DbSet<TicketRow> Tickets => Set<TicketRow>();
    public DbSet<TicketCommentRow> TicketComments => Set<TicketCommentRow>();
    public DbSet<TicketAttachmentRow> TicketAttachments => Set<TicketAttachmentRow>();
    public DbSet<ChannelStateRow> ChannelState => Set<ChannelStateRow>();
    public DbSet<WorkItemRow> WorkItems => Set<WorkItemRow>();
    public DbSet<Inbox.InboxRow> Inbox => Set<Inbox.InboxRow>();
    public DbSet<Outbox.OutboxClaimRow> OutboxClaims => Set<Outbox.OutboxClaimRow>();
    public DbSet<TicketObservableRow> TicketObservables => Set<TicketObservableRow>();
    public DbSet<IntelVerdictRow> IntelVerdicts => Set<IntelVerdictRow>();
    public DbSet<QuotaGrantRow> QuotaGrants => Set<QuotaGrantRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcIsoDateTimeOffsetConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RunRow>(run =>
        {
            run.ToTable("runs");
            run.HasKey(r => r.Id);
            run.Property(r => r.Id).HasMaxLength(100);
            run.Property(r => r.State).HasMaxLength(40);
            run.Property(r => r.Section).HasMaxLength(40);
            run.Property(r => r.Version).IsConcurrencyToken();
            run.HasIndex(r => r.CreatedAt);
            run.Property(r => r.Channel).HasMaxLength(40);
            run.HasIndex(r => r.OutboxCount);
        });

        modelBuilder.Entity<RunEntryRow>(entry =>
        {
            entry.ToTable("run_entries");
            // The key is also the read path: one run's entries of one kind past a position.
            entry.HasKey(e => new { e.RunId, e.Kind, e.Seq });
            entry.Property(e => e.RunId).HasMaxLength(100);
            entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
            entry.HasOne<RunRow>().WithMany().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TicketRow>(ticket =>
        {
            ticket.ToTable("tickets");
            ticket.HasKey(t => t.Id);
            ticket.Property(t => t.Number)
                .HasMaxLength(20)
                .HasComputedColumnSql(Database.IsNpgsql()
                    ? "'INC-' || lpad(\"Id\"::text, 6, '0')"
                    : "'INC-' || printf('%06d', \"Id\")", stored: Database.IsNpgsql());
            ticket.HasIndex(t => t.Number).IsUnique();
            ticket.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
            ticket.HasIndex(t => t.IdempotencyKey).IsUnique();
            ticket.HasIndex(t => t.ResolutionIdempotencyKey).IsUnique();
            ticket.HasMany(t => t.Comments).WithOne().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
            ticket.HasMany(t => t.Attachments).WithOne().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
            ticket.HasMany<TicketObservableRow>().WithOne().HasForeignKey(o => o.TicketId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TicketObservableRow>(observable =>
        {
            observable.ToTable("ticket_observables");
            observable.Property(o => o.Type).HasMaxLength(20);
            observable.Property(o => o.ValueKey).HasMaxLength(64);
            // Each observable once per ticket, whatever calls add it and however often.
            observable.HasIndex(o => new { o.TicketId, o.Type, o.ValueKey }).IsUnique();
        });

        modelBuilder.Entity<IntelVerdictRow>(verdict =>
        {
            verdict.ToTable("intel_verdicts");
            verdict.HasKey(v => new { v.Provider, v.Kind, v.IndicatorHash });
            verdict.Property(v => v.Provider).HasMaxLength(40);
            verdict.Property(v => v.Kind).HasMaxLength(20);
            verdict.Property(v => v.IndicatorHash).HasMaxLength(64);
            verdict.Property(v => v.Verdict).HasMaxLength(20);
            verdict.Property(v => v.Source).HasMaxLength(200);
        });

        modelBuilder.Entity<QuotaGrantRow>(grant =>
        {
            grant.ToTable("quota_grants");
            grant.HasKey(g => g.Id);
            grant.Property(g => g.Provider).HasMaxLength(40);
            grant.HasIndex(g => new { g.Provider, g.GrantedAt });
        });

        modelBuilder.Entity<TicketCommentRow>(comment =>
        {
            comment.ToTable("ticket_comments");
            comment.HasIndex(c => c.IdempotencyKey).IsUnique();
        });

        modelBuilder.Entity<ChannelStateRow>(state =>
        {
            state.ToTable("channel_state");
            state.HasKey(s => new { s.Channel, s.Key });
            state.Property(s => s.Channel).HasMaxLength(40);
            state.Property(s => s.Key).HasMaxLength(300);
        });

        modelBuilder.Entity<WorkItemRow>(work =>
        {
            work.ToTable("work_items");
            work.HasKey(w => w.Id);
            work.Property(w => w.RunId).HasMaxLength(100);
            work.Property(w => w.LeaseOwner).HasMaxLength(200);
            work.HasIndex(w => new { w.AvailableAt, w.Id });
            work.HasIndex(w => w.RunId);
        });

        modelBuilder.Entity<Inbox.InboxRow>(inbox =>
        {
            inbox.ToTable("inbox");
            inbox.HasKey(i => i.Id);
            inbox.Property(i => i.Key).HasMaxLength(300);
            inbox.HasIndex(i => i.Key).IsUnique();
            inbox.Property(i => i.Channel).HasMaxLength(40);
            inbox.Property(i => i.Kind).HasMaxLength(20);
            inbox.Property(i => i.RunId).HasMaxLength(100);
            inbox.Property(i => i.LeaseOwner).HasMaxLength(200);
            inbox.Property(i => i.Outcome).HasMaxLength(40);
            // The claim's path: unapplied items by availability; the retention purge by age.
            inbox.HasIndex(i => new { i.ProcessedAt, i.AvailableAt });
            inbox.HasIndex(i => i.ReceivedAt);
        });

        modelBuilder.Entity<Outbox.OutboxClaimRow>(claim =>
        {
            claim.ToTable("outbox_claims");
            claim.HasKey(c => new { c.RunId, c.Key });
            claim.Property(c => c.RunId).HasMaxLength(100);
            claim.Property(c => c.Key).HasMaxLength(300);
            claim.Property(c => c.Channel).HasMaxLength(40);
            claim.Property(c => c.State).HasMaxLength(20);
            claim.Property(c => c.Owner).HasMaxLength(100);
            claim.Property(c => c.PlatformId).HasMaxLength(300);
            claim.Property(c => c.LastError).HasMaxLength(500);
            claim.HasIndex(c => c.UpdatedAt);
        });

        modelBuilder.Entity<TicketAttachmentRow>(attachment =>
        {
            attachment.ToTable("ticket_attachments");
            attachment.HasIndex(a => a.IdempotencyKey).IsUnique();
        });
    }
}
