using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FormFlow.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Responses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BallotPiles",
                columns: table => new
                {
                    ServiceActivationId = table.Column<int>(type: "integer", nullable: false),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotPiles", x => new { x.ServiceActivationId, x.Answer });
                });

            migrationBuilder.CreateTable(
                name: "Participations",
                columns: table => new
                {
                    ServiceActivationId = table.Column<int>(type: "integer", nullable: false),
                    AccountId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    PeriodKey = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Participations", x => new { x.ServiceActivationId, x.AccountId, x.PeriodKey });
                    table.ForeignKey(
                        name: "FK_Participations_ServiceActivations_ServiceActivationId",
                        column: x => x.ServiceActivationId,
                        principalTable: "ServiceActivations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Responses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ServiceActivationId = table.Column<int>(type: "integer", nullable: false),
                    AccountId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    SnapshotHash = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Data = table.Column<string>(type: "text", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "ResponseTallies",
                columns: table => new
                {
                    ServiceActivationId = table.Column<int>(type: "integer", nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Bucket = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false),
                    Sum = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponseTallies", x => new { x.ServiceActivationId, x.OrgUnitId, x.Field, x.Bucket });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Participations_ServiceActivationId_OrgUnitId",
                table: "Participations",
                columns: new[] { "ServiceActivationId", "OrgUnitId" });

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
                name: "Participations");

            migrationBuilder.DropTable(
                name: "Responses");

            migrationBuilder.DropTable(
                name: "ResponseTallies");
        }
    }
}
