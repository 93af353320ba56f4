using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TerritoryBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DropAccountScores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_scores");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "account_scores",
                columns: table => new
                {
                    account_id = table.Column<string>(type: "TEXT", nullable: false),
                    icp_fit = table.Column<int>(type: "INTEGER", nullable: false),
                    opportunity_score = table.Column<double>(type: "REAL", nullable: false),
                    potential_arr = table.Column<double>(type: "REAL", nullable: false),
                    potential_high = table.Column<double>(type: "REAL", nullable: false),
                    potential_low = table.Column<double>(type: "REAL", nullable: false),
                    priority = table.Column<string>(type: "TEXT", nullable: false),
                    scored_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    tier = table.Column<string>(type: "TEXT", nullable: false),
                    whitespace = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_scores", x => x.account_id);
                    table.ForeignKey(
                        name: "fk_account_scores_account",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }
    }
}
