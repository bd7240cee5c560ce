using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FormFlow.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrainingModules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TrainingCourses_OrgUnitId",
                table: "TrainingCourses");

            migrationBuilder.DropIndex(
                name: "IX_Contests_OrgUnitId",
                table: "Contests");

            migrationBuilder.AddColumn<string>(
                name: "BankName",
                table: "TrainingCourses",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModuleKey",
                table: "TrainingCourses",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BankName",
                table: "Contests",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModuleKey",
                table: "Contests",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCourses_OrgUnitId_ModuleKey",
                table: "TrainingCourses",
                columns: new[] { "OrgUnitId", "ModuleKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contests_OrgUnitId_ModuleKey",
                table: "Contests",
                columns: new[] { "OrgUnitId", "ModuleKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TrainingCourses_OrgUnitId_ModuleKey",
                table: "TrainingCourses");

            migrationBuilder.DropIndex(
                name: "IX_Contests_OrgUnitId_ModuleKey",
                table: "Contests");

            migrationBuilder.DropColumn(
                name: "BankName",
                table: "TrainingCourses");

            migrationBuilder.DropColumn(
                name: "ModuleKey",
                table: "TrainingCourses");

            migrationBuilder.DropColumn(
                name: "BankName",
                table: "Contests");

            migrationBuilder.DropColumn(
                name: "ModuleKey",
                table: "Contests");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCourses_OrgUnitId",
                table: "TrainingCourses",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Contests_OrgUnitId",
                table: "Contests",
                column: "OrgUnitId");
        }
    }
}
