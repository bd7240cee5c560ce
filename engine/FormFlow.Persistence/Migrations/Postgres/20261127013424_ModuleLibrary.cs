using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FormFlow.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ModuleLibrary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Modules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OwnerOrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    ParentModuleId = table.Column<int>(type: "integer", nullable: true),
                    Draft = table.Column<string>(type: "text", nullable: false),
                    DraftUpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DraftUpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Modules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Modules_Modules_ParentModuleId",
                        column: x => x.ParentModuleId,
                        principalTable: "Modules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Modules_OrgUnits_OwnerOrgUnitId",
                        column: x => x.OwnerOrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ModuleVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ModuleRecordId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SnapshotHash = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    ParentVersionId = table.Column<int>(type: "integer", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModuleVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModuleVersions_ModuleSnapshots_SnapshotHash",
                        column: x => x.SnapshotHash,
                        principalTable: "ModuleSnapshots",
                        principalColumn: "Hash",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ModuleVersions_ModuleVersions_ParentVersionId",
                        column: x => x.ParentVersionId,
                        principalTable: "ModuleVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ModuleVersions_Modules_ModuleRecordId",
                        column: x => x.ModuleRecordId,
                        principalTable: "Modules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ModuleUpgrades",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ModuleRecordId = table.Column<int>(type: "integer", nullable: false),
                    FromParentVersionId = table.Column<int>(type: "integer", nullable: false),
                    ToParentVersionId = table.Column<int>(type: "integer", nullable: false),
                    Overlay = table.Column<string>(type: "text", nullable: false),
                    Decisions = table.Column<string>(type: "text", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModuleUpgrades", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModuleUpgrades_ModuleVersions_FromParentVersionId",
                        column: x => x.FromParentVersionId,
                        principalTable: "ModuleVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ModuleUpgrades_ModuleVersions_ToParentVersionId",
                        column: x => x.ToParentVersionId,
                        principalTable: "ModuleVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ModuleUpgrades_Modules_ModuleRecordId",
                        column: x => x.ModuleRecordId,
                        principalTable: "Modules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Modules_OwnerOrgUnitId_Key",
                table: "Modules",
                columns: new[] { "OwnerOrgUnitId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Modules_ParentModuleId",
                table: "Modules",
                column: "ParentModuleId");

            migrationBuilder.CreateIndex(
                name: "IX_ModuleUpgrades_FromParentVersionId",
                table: "ModuleUpgrades",
                column: "FromParentVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ModuleUpgrades_ModuleRecordId",
                table: "ModuleUpgrades",
                column: "ModuleRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_ModuleUpgrades_ToParentVersionId",
                table: "ModuleUpgrades",
                column: "ToParentVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ModuleVersions_ModuleRecordId_Version",
                table: "ModuleVersions",
                columns: new[] { "ModuleRecordId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModuleVersions_ParentVersionId",
                table: "ModuleVersions",
                column: "ParentVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ModuleVersions_SnapshotHash",
                table: "ModuleVersions",
                column: "SnapshotHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ModuleUpgrades");

            migrationBuilder.DropTable(
                name: "ModuleVersions");

            migrationBuilder.DropTable(
                name: "Modules");
        }
    }
}
