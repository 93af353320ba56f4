using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TerritoryBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LocationSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "home_location_source",
                table: "reps",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "location_source",
                table: "accounts",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "home_location_source",
                table: "reps");

            migrationBuilder.DropColumn(
                name: "location_source",
                table: "accounts");
        }
    }
}
