using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FormFlow.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Responses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The tables that could link a voter to a choice are WITHOUT ROWID: their rows are kept in key order
            // (service, answer / account / org and field), so no rowid records the order in which they were written.
            migrationBuilder.Sql("""
                CREATE TABLE "BallotPiles" (
                    "ServiceActivationId" INTEGER NOT NULL,
                    "Answer" TEXT NOT NULL,
                    "Count" INTEGER NOT NULL,
                    CONSTRAINT "PK_BallotPiles" PRIMARY KEY ("ServiceActivationId", "Answer")
                ) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "Participations" (
                    "ServiceActivationId" INTEGER NOT NULL,
                    "AccountId" TEXT NOT NULL,
                    "PeriodKey" TEXT NOT NULL,
                    "OrgUnitId" INTEGER NOT NULL,
                    CONSTRAINT "PK_Participations" PRIMARY KEY ("ServiceActivationId", "AccountId", "PeriodKey"),
                    CONSTRAINT "FK_Participations_ServiceActivations_ServiceActivationId" FOREIGN KEY ("ServiceActivationId") REFERENCES "ServiceActivations" ("Id") ON DELETE RESTRICT
                ) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "ResponseTallies" (
                    "ServiceActivationId" INTEGER NOT NULL,
                    "OrgUnitId" INTEGER NOT NULL,
                    "Field" TEXT NOT NULL,
                    "Bucket" TEXT NOT NULL,
                    "Count" INTEGER NOT NULL,
                    "Sum" REAL NOT NULL,
                    CONSTRAINT "PK_ResponseTallies" PRIMARY KEY ("ServiceActivationId", "OrgUnitId", "Field", "Bucket")
                ) WITHOUT ROWID;
                """);

            migrationBuilder.CreateTable(
                name: "Responses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceActivationId = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    SnapshotHash = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Responses_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Responses_ServiceActivations_ServiceActivationId",
                        column: x => x.ServiceActivationId,
                        principalTable: "ServiceActivations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Participations_ServiceActivationId_OrgUnitId",
                table: "Participations",
                columns: new[] { "ServiceActivationId", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_Responses_AccountId",
                table: "Responses",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_OrgUnitId",
                table: "Responses",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_ServiceActivationId_Id",
                table: "Responses",
                columns: new[] { "ServiceActivationId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BallotPiles");

            migrationBuilder.DropTable(
                name: "Participations");

            migrationBuilder.DropTable(
                name: "Responses");

            migrationBuilder.DropTable(
                name: "ResponseTallies");
        }
    }
}
