using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FormFlow.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TrainingCollection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "BankQuestions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedByAccountId",
                table: "BankQuestions",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SourceCaseId",
                table: "BankQuestions",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContestUnionScores",
                columns: table => new
                {
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Participants = table.Column<int>(type: "integer", nullable: false),
                    ScoreSum = table.Column<long>(type: "bigint", nullable: false),
                    TimeUsedMsSum = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestUnionScores", x => new { x.ContestId, x.OrgUnitId });
                    table.ForeignKey(
                        name: "FK_ContestUnionScores_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContestUnionScores_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contests_SettledAt_ClosesAt",
                table: "Contests",
                columns: new[] { "SettledAt", "ClosesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BankQuestions_IdempotencyKey",
                table: "BankQuestions",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContestUnionScores_OrgUnitId",
                table: "ContestUnionScores",
                column: "OrgUnitId");

            // The union figures of contests already run, from their best scores (a database of the last release loses nothing).
            migrationBuilder.Sql("""
                INSERT INTO "ContestUnionScores" ("ContestId", "OrgUnitId", "Participants", "ScoreSum", "TimeUsedMsSum")
                SELECT "ContestId", "OrgUnitId", COUNT(*), SUM("Score"), SUM("TimeUsedMs") FROM "ContestBests" GROUP BY "ContestId", "OrgUnitId"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContestUnionScores");

            migrationBuilder.DropIndex(
                name: "IX_Contests_SettledAt_ClosesAt",
                table: "Contests");

            migrationBuilder.DropIndex(
                name: "IX_BankQuestions_IdempotencyKey",
                table: "BankQuestions");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "BankQuestions");

            migrationBuilder.DropColumn(
                name: "ProposedByAccountId",
                table: "BankQuestions");

            migrationBuilder.DropColumn(
                name: "SourceCaseId",
                table: "BankQuestions");
        }
    }
}
