using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChatOpsBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DurableInboxOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "runs",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "OutboxCount",
                table: "runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Runs saved before these columns existed: their channel and undelivered messages, read from the document.
            migrationBuilder.Sql("""
                UPDATE runs SET "Channel" = COALESCE(("Document"::jsonb) -> 'settings' ->> 'channel', ''), "OutboxCount" = COALESCE(jsonb_array_length(("Document"::jsonb) -> 'outbox'), 0)
                """);

            migrationBuilder.CreateTable(
                name: "inbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RunId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<string>(type: "text", nullable: false),
                    AvailableAt = table.Column<string>(type: "text", nullable: false),
                    LeaseOwner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LeaseUntil = table.Column<string>(type: "text", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    ProcessedAt = table.Column<string>(type: "text", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Reply = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_claims",
                columns: table => new
                {
                    RunId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<string>(type: "text", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    FirstAttemptAt = table.Column<string>(type: "text", nullable: false),
                    NextAttemptAt = table.Column<string>(type: "text", nullable: true),
                    Unsure = table.Column<bool>(type: "boolean", nullable: false),
                    PlatformId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    GaveUpAt = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_claims", x => new { x.RunId, x.Key });
                });

            migrationBuilder.CreateIndex(
                name: "IX_runs_OutboxCount",
                table: "runs",
                column: "OutboxCount");

            migrationBuilder.CreateIndex(
                name: "IX_inbox_Key",
                table: "inbox",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbox_ProcessedAt_AvailableAt",
                table: "inbox",
                columns: new[] { "ProcessedAt", "AvailableAt" });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_ReceivedAt",
                table: "inbox",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_claims_UpdatedAt",
                table: "outbox_claims",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbox");

            migrationBuilder.DropTable(
                name: "outbox_claims");

            migrationBuilder.DropIndex(
                name: "IX_runs_OutboxCount",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "OutboxCount",
                table: "runs");
        }
    }
}
