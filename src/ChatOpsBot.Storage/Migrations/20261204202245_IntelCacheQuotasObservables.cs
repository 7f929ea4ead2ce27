using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatOpsBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class IntelCacheQuotasObservables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "intel_verdicts",
                columns: table => new
                {
                    Provider = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IndicatorHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", nullable: false),
                    Pulses = table.Column<string>(type: "TEXT", nullable: false),
                    Addresses = table.Column<string>(type: "TEXT", nullable: false),
                    FetchedAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intel_verdicts", x => new { x.Provider, x.Kind, x.IndicatorHash });
                });

            migrationBuilder.CreateTable(
                name: "quota_grants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    GrantedAt = table.Column<string>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quota_grants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ticket_observables",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false),
                    ValueKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Ioc = table.Column<bool>(type: "INTEGER", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<string>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticket_observables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ticket_observables_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_quota_grants_Provider_GrantedAt",
                table: "quota_grants",
                columns: new[] { "Provider", "GrantedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ticket_observables_TicketId_Type_ValueKey",
                table: "ticket_observables",
                columns: new[] { "TicketId", "Type", "ValueKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "intel_verdicts");

            migrationBuilder.DropTable(
                name: "quota_grants");

            migrationBuilder.DropTable(
                name: "ticket_observables");
        }
    }
}
