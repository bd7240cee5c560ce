using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FormFlow.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatisticsFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            // Cases closed under the last release: their closing time is their last update. The figures themselves are
            // recounted from the raw rows right after the migration (FormFlowDatabase.MigrateAsync).
            migrationBuilder.Sql("""UPDATE "Cases" SET "ClosedAt" = "UpdatedAt" WHERE "Status" IN ('finished', 'rejected')""");

            migrationBuilder.CreateTable(
                name: "Figures",
                columns: table => new
                {
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ModuleKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Figures", x => new { x.OrgUnitId, x.Period, x.Measure, x.ModuleKey, x.Key });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Figures");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Cases");
        }
    }
}
