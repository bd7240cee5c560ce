using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FormFlow.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MerchantRecordsAndMemberImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "AccountId",
                table: "Members",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "Mobile",
                table: "Members",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PersonName",
                table: "Members",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResidentId",
                table: "Members",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Merchants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    DistrictOrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Discount = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ActiveFrom = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ActiveUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeactivatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ContactName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ContactPhone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Merchants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Merchants_OrgUnits_DistrictOrgUnitId",
                        column: x => x.DistrictOrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MerchantAccounts",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    MerchantId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MerchantAccounts", x => x.AccountId);
                    table.ForeignKey(
                        name: "FK_MerchantAccounts_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MerchantAccounts_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MerchantBenefits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MerchantId = table.Column<long>(type: "bigint", nullable: false),
                    BenefitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MerchantBenefits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MerchantBenefits_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Members_Mobile",
                table: "Members",
                column: "Mobile");

            migrationBuilder.CreateIndex(
                name: "IX_MerchantAccounts_MerchantId",
                table: "MerchantAccounts",
                column: "MerchantId");

            migrationBuilder.CreateIndex(
                name: "IX_MerchantBenefits_MerchantId_BenefitId",
                table: "MerchantBenefits",
                columns: new[] { "MerchantId", "BenefitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Merchants_Category_Name",
                table: "Merchants",
                columns: new[] { "Category", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Merchants_Code",
                table: "Merchants",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Merchants_DistrictOrgUnitId",
                table: "Merchants",
                column: "DistrictOrgUnitId");

            // Every merchant account of the last release (a merchant role, or offers) becomes a merchant record of its own,
            // coded by its user name, at the org it held the merchant role at (else the root union); its offers become the
            // record's benefits. Only then is the old table dropped.
            migrationBuilder.Sql("""
                INSERT INTO "Merchants" ("Code", "Name", "Category", "DistrictOrgUnitId")
                SELECT COALESCE(a."UserName", a."Id"), COALESCE(a."DisplayName", a."UserName", a."Id"), '未分类',
                       COALESCE((SELECT MIN(r."OrgUnitId") FROM "RoleAssignments" r WHERE r."AccountId" = a."Id" AND r."Role" = 'merchant'),
                                (SELECT MIN(o."Id") FROM "OrgUnits" o WHERE o."ParentId" IS NULL))
                FROM "AspNetUsers" a
                WHERE EXISTS (SELECT 1 FROM "RoleAssignments" r WHERE r."AccountId" = a."Id" AND r."Role" = 'merchant')
                   OR EXISTS (SELECT 1 FROM "MerchantOffers" o WHERE o."MerchantAccountId" = a."Id");
                """);
            migrationBuilder.Sql("""
                INSERT INTO "MerchantAccounts" ("AccountId", "MerchantId")
                SELECT a."Id", m."Id" FROM "AspNetUsers" a JOIN "Merchants" m ON m."Code" = COALESCE(a."UserName", a."Id");
                """);
            migrationBuilder.Sql("""
                INSERT INTO "MerchantBenefits" ("MerchantId", "BenefitId")
                SELECT ma."MerchantId", o."BenefitId" FROM "MerchantOffers" o JOIN "MerchantAccounts" ma ON ma."AccountId" = o."MerchantAccountId";
                """);

            migrationBuilder.DropTable(
                name: "MerchantOffers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MerchantAccounts");

            migrationBuilder.DropTable(
                name: "MerchantBenefits");

            migrationBuilder.DropTable(
                name: "Merchants");

            migrationBuilder.DropIndex(
                name: "IX_Members_Mobile",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "Mobile",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "PersonName",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "ResidentId",
                table: "Members");

            migrationBuilder.AlterColumn<string>(
                name: "AccountId",
                table: "Members",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.CreateTable(
                name: "MerchantOffers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MerchantAccountId = table.Column<string>(type: "text", nullable: false),
                    BenefitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_MerchantOffers_MerchantAccountId_BenefitId",
                table: "MerchantOffers",
                columns: new[] { "MerchantAccountId", "BenefitId" },
                unique: true);
        }
    }
}
