using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FormFlow.Persistence.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: true);

            // Cases closed under the last release: their closing time is their last update. The figures themselves are
            // recounted from the raw rows right after the migration (FormFlowDatabase.MigrateAsync).
            migrationBuilder.Sql("""UPDATE "Cases" SET "ClosedAt" = "UpdatedAt" WHERE "Status" IN ('finished', 'rejected')""");

            migrationBuilder.CreateTable(
                name: "Figures",
                columns: table => new
                {
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    Measure = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ModuleKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
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
