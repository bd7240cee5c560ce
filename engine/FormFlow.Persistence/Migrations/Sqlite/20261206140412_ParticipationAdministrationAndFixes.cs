using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FormFlow.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ParticipationAdministrationAndFixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FailedAt",
                table: "Outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ArchivedAt",
                table: "OrgUnits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Texts",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FailedAt",
                table: "ModuleCascades",
                type: "TEXT",
                nullable: true);

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
                name: "MerchantOffers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MerchantAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    BenefitId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MerchantOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MerchantOffers_AspNetUsers_MerchantAccountId",
                        column: x => x.MerchantAccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PointsDays",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Credited = table.Column<int>(type: "INTEGER", nullable: false),
                    LastGranted = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsDays", x => new { x.AccountId, x.Kind, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "PointsEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Capped = table.Column<bool>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    AwardedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointsEntries_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Publications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    CoverFileId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    Pinned = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PublishAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorAccountId = table.Column<string>(type: "TEXT", nullable: true),
                    SourceCaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    SourceModuleKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UniqueReaders = table.Column<int>(type: "INTEGER", nullable: false),
                    Reads = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Publications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Publications_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateTable(
                name: "PublicationBigrams",
                columns: table => new
                {
                    PublicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Bigram = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicationBigrams", x => new { x.Bigram, x.PublicationId });
                    table.ForeignKey(
                        name: "FK_PublicationBigrams_Publications_PublicationId",
                        column: x => x.PublicationId,
                        principalTable: "Publications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublicationFiles",
                columns: table => new
                {
                    PublicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Use = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicationFiles", x => new { x.PublicationId, x.FileId, x.Use });
                    table.ForeignKey(
                        name: "FK_PublicationFiles_Publications_PublicationId",
                        column: x => x.PublicationId,
                        principalTable: "Publications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublicationReads",
                columns: table => new
                {
                    PublicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReaderAccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    FirstReadAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicationReads", x => new { x.PublicationId, x.ReaderAccountId });
                    table.ForeignKey(
                        name: "FK_PublicationReads_Publications_PublicationId",
                        column: x => x.PublicationId,
                        principalTable: "Publications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MerchantOffers_MerchantAccountId_BenefitId",
                table: "MerchantOffers",
                columns: new[] { "MerchantAccountId", "BenefitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Participations_ServiceActivationId_OrgUnitId",
                table: "Participations",
                columns: new[] { "ServiceActivationId", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_AccountId_Id",
                table: "PointsEntries",
                columns: new[] { "AccountId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_IdempotencyKey",
                table: "PointsEntries",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicationBigrams_PublicationId",
                table: "PublicationBigrams",
                column: "PublicationId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicationFiles_FileId",
                table: "PublicationFiles",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Publications_IdempotencyKey",
                table: "Publications",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Publications_OrgUnitId",
                table: "Publications",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Publications_Status_OrgUnitId_Pinned_PublishAt_Id",
                table: "Publications",
                columns: new[] { "Status", "OrgUnitId", "Pinned", "PublishAt", "Id" });

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
                name: "MerchantOffers");

            migrationBuilder.DropTable(
                name: "Participations");

            migrationBuilder.DropTable(
                name: "PointsDays");

            migrationBuilder.DropTable(
                name: "PointsEntries");

            migrationBuilder.DropTable(
                name: "PublicationBigrams");

            migrationBuilder.DropTable(
                name: "PublicationFiles");

            migrationBuilder.DropTable(
                name: "PublicationReads");

            migrationBuilder.DropTable(
                name: "Responses");

            migrationBuilder.DropTable(
                name: "ResponseTallies");

            migrationBuilder.DropTable(
                name: "Publications");

            migrationBuilder.DropColumn(
                name: "FailedAt",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "OrgUnits");

            migrationBuilder.DropColumn(
                name: "Texts",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "FailedAt",
                table: "ModuleCascades");
        }
    }
}
