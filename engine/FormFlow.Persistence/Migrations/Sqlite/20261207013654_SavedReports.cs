using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FormFlow.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SavedReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SavedReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Dimensions = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrgLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    ModuleKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RelativePeriod = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Schedule = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ScheduleDay = table.Column<int>(type: "INTEGER", nullable: false),
                    ScheduleHour = table.Column<int>(type: "INTEGER", nullable: false),
                    NextDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavedReports_AspNetUsers_OwnerAccountId",
                        column: x => x.OwnerAccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SavedReports_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SavedReports_NextDueAt",
                table: "SavedReports",
                column: "NextDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_SavedReports_OrgUnitId",
                table: "SavedReports",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_SavedReports_OwnerAccountId",
                table: "SavedReports",
                column: "OwnerAccountId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SavedReports");
        }
    }
}
