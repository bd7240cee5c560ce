using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FormFlow.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ModuleDraftRevisionAndAutoUpgrade : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AutoUpgrade",
                table: "Modules",
                type: "boolean",
                nullable: false,
                defaultValue: true); // modules that exist follow their parent, as new ones do

            migrationBuilder.AddColumn<long>(
                name: "DraftRevision",
                table: "Modules",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AutoUpgrade",
                table: "Modules");

            migrationBuilder.DropColumn(
                name: "DraftRevision",
                table: "Modules");
        }
    }
}
