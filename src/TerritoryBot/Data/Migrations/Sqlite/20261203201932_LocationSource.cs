using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TerritoryBot.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "location_source",
                table: "accounts",
                type: "TEXT",
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
