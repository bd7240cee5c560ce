using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FormFlow.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FormDraftsAndModuleKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Applicant drafts are form drafts now: the table is renamed, its rows kept (never dropped and recreated).
            // SQLite keeps no names for constraints, so only the indexes follow the new name.
            migrationBuilder.RenameTable(name: "Drafts", newName: "FormDrafts");
            migrationBuilder.RenameIndex(name: "IX_Drafts_AccountId_ServiceActivationId", table: "FormDrafts", newName: "IX_FormDrafts_AccountId_ServiceActivationId");
            migrationBuilder.RenameIndex(name: "IX_Drafts_ServiceActivationId", table: "FormDrafts", newName: "IX_FormDrafts_ServiceActivationId");

            // A module's string key is ModuleKey everywhere (ModuleId is the module library's integer row id).
            migrationBuilder.RenameColumn(
                name: "ModuleId",
                table: "ServiceActivations",
                newName: "ModuleKey");

            migrationBuilder.RenameIndex(
                name: "IX_ServiceActivations_OrgUnitId_ModuleId",
                table: "ServiceActivations",
                newName: "IX_ServiceActivations_OrgUnitId_ModuleKey");

            migrationBuilder.RenameColumn(
                name: "ModuleId",
                table: "ModuleSnapshots",
                newName: "ModuleKey");

            migrationBuilder.RenameIndex(
                name: "IX_ModuleSnapshots_ModuleId_Version",
                table: "ModuleSnapshots",
                newName: "IX_ModuleSnapshots_ModuleKey_Version");

            migrationBuilder.RenameColumn(
                name: "ModuleId",
                table: "Cases",
                newName: "ModuleKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(name: "IX_FormDrafts_AccountId_ServiceActivationId", table: "FormDrafts", newName: "IX_Drafts_AccountId_ServiceActivationId");
            migrationBuilder.RenameIndex(name: "IX_FormDrafts_ServiceActivationId", table: "FormDrafts", newName: "IX_Drafts_ServiceActivationId");
            migrationBuilder.RenameTable(name: "FormDrafts", newName: "Drafts");

            migrationBuilder.RenameColumn(
                name: "ModuleKey",
                table: "ServiceActivations",
                newName: "ModuleId");

            migrationBuilder.RenameIndex(
                name: "IX_ServiceActivations_OrgUnitId_ModuleKey",
                table: "ServiceActivations",
                newName: "IX_ServiceActivations_OrgUnitId_ModuleId");

            migrationBuilder.RenameColumn(
                name: "ModuleKey",
                table: "ModuleSnapshots",
                newName: "ModuleId");

            migrationBuilder.RenameIndex(
                name: "IX_ModuleSnapshots_ModuleKey_Version",
                table: "ModuleSnapshots",
                newName: "IX_ModuleSnapshots_ModuleId_Version");

            migrationBuilder.RenameColumn(
                name: "ModuleKey",
                table: "Cases",
                newName: "ModuleId");
        }
    }
}
