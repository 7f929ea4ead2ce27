using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatOpsBot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class RunEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing runs keep their whole document and get null counts: EfRunStore reads such a row the old way and
            // moves its lists into run_entries on its next save (no JSON SQL, which differs between providers).
            migrationBuilder.AddColumn<int>(
                name: "ClosedPromptCount",
                table: "runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EntryGeneration",
                table: "runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "HitCount",
                table: "runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TimelineCount",
                table: "runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "run_entries",
                columns: table => new
                {
                    RunId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_run_entries", x => new { x.RunId, x.Kind, x.Seq });
                    table.ForeignKey(
                        name: "FK_run_entries_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Lossy: runs saved since Up keep their timeline, closed prompts and hits only in run_entries.
            migrationBuilder.DropTable(
                name: "run_entries");

            migrationBuilder.DropColumn(
                name: "ClosedPromptCount",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "EntryGeneration",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "HitCount",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "TimelineCount",
                table: "runs");
        }
    }
}
