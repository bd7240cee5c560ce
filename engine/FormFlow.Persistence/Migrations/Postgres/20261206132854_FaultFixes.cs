using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FormFlow.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FaultFixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FailedAt",
                table: "Outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Texts",
                table: "Notifications",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FailedAt",
                table: "ModuleCascades",
                type: "timestamp with time zone",
                nullable: true);

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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MerchantOffers");

            migrationBuilder.DropColumn(
                name: "FailedAt",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "Texts",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "FailedAt",
                table: "ModuleCascades");
        }
    }
}
