using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FormFlow.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StaffWorkbench : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedAt",
                table: "CaseTasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "CaseTasks",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Delegations",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    ToAccountId = table.Column<string>(type: "text", nullable: false),
                    From = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Until = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Delegations", x => x.AccountId);
                    table.ForeignKey(
                        name: "FK_Delegations_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Delegations_AspNetUsers_ToAccountId",
                        column: x => x.ToAccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTasks_ClaimedBy",
                table: "CaseTasks",
                column: "ClaimedBy");

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_ToAccountId",
                table: "Delegations",
                column: "ToAccountId");

            migrationBuilder.AddForeignKey(
                name: "FK_CaseTasks_AspNetUsers_ClaimedBy",
                table: "CaseTasks",
                column: "ClaimedBy",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CaseTasks_AspNetUsers_ClaimedBy",
                table: "CaseTasks");

            migrationBuilder.DropTable(
                name: "Delegations");

            migrationBuilder.DropIndex(
                name: "IX_CaseTasks_ClaimedBy",
                table: "CaseTasks");

            migrationBuilder.DropColumn(
                name: "ClaimedAt",
                table: "CaseTasks");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "CaseTasks");
        }
    }
}
