using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FormFlow.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContestScoreCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContestScoreCounts",
                columns: table => new
                {
                    ContestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Participants = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestScoreCounts", x => new { x.ContestId, x.Score });
                    table.ForeignKey(
                        name: "FK_ContestScoreCounts_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestUnionScoreCounts",
                columns: table => new
                {
                    ContestId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Participants = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestUnionScoreCounts", x => new { x.ContestId, x.OrgUnitId, x.Score });
                    table.ForeignKey(
                        name: "FK_ContestUnionScoreCounts_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContestUnionScoreCounts_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContestUnionScoreCounts_OrgUnitId",
                table: "ContestUnionScoreCounts",
                column: "OrgUnitId");

            // The histograms of the contests a database of the last release holds, counted from their best scores.
            migrationBuilder.Sql("""
                INSERT INTO "ContestScoreCounts" ("ContestId", "Score", "Participants")
                SELECT "ContestId", "Score", COUNT(*) FROM "ContestBests" GROUP BY "ContestId", "Score";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ContestUnionScoreCounts" ("ContestId", "OrgUnitId", "Score", "Participants")
                SELECT "ContestId", "OrgUnitId", "Score", COUNT(*) FROM "ContestBests" GROUP BY "ContestId", "OrgUnitId", "Score";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContestScoreCounts");

            migrationBuilder.DropTable(
                name: "ContestUnionScoreCounts");
        }
    }
}
