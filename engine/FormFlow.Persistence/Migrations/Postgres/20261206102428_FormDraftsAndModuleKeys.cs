using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FormFlow.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FormDraftsAndModuleKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Applicant drafts are form drafts now: the table and its constraints are renamed, its rows kept (never
            // dropped and recreated).
            migrationBuilder.RenameTable(name: "Drafts", newName: "FormDrafts");
            migrationBuilder.Sql("""ALTER TABLE "FormDrafts" RENAME CONSTRAINT "PK_Drafts" TO "PK_FormDrafts";""");
            migrationBuilder.Sql("""ALTER TABLE "FormDrafts" RENAME CONSTRAINT "FK_Drafts_AspNetUsers_AccountId" TO "FK_FormDrafts_AspNetUsers_AccountId";""");
            migrationBuilder.Sql("""ALTER TABLE "FormDrafts" RENAME CONSTRAINT "FK_Drafts_ServiceActivations_ServiceActivationId" TO "FK_FormDrafts_ServiceActivations_ServiceActivationId";""");
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
            migrationBuilder.RenameTable(name: "FormDrafts", newName: "Drafts");
            migrationBuilder.Sql("""ALTER TABLE "Drafts" RENAME CONSTRAINT "PK_FormDrafts" TO "PK_Drafts";""");
            migrationBuilder.Sql("""ALTER TABLE "Drafts" RENAME CONSTRAINT "FK_FormDrafts_AspNetUsers_AccountId" TO "FK_Drafts_AspNetUsers_AccountId";""");
            migrationBuilder.Sql("""ALTER TABLE "Drafts" RENAME CONSTRAINT "FK_FormDrafts_ServiceActivations_ServiceActivationId" TO "FK_Drafts_ServiceActivations_ServiceActivationId";""");
            migrationBuilder.RenameIndex(name: "IX_FormDrafts_AccountId_ServiceActivationId", table: "Drafts", newName: "IX_Drafts_AccountId_ServiceActivationId");
            migrationBuilder.RenameIndex(name: "IX_FormDrafts_ServiceActivationId", table: "Drafts", newName: "IX_Drafts_ServiceActivationId");

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
