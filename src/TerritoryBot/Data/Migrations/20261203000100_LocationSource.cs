using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TerritoryBot.Data.Migrations;

/// <summary>
/// Where each account's location and each rep's home came from (given, postal, city, region, none; issue 15).
/// Hand-written, like Initial. Nullable: rows written before are read as given when they have coordinates.
/// </summary>
[DbContext(typeof(TerritoryDbContext))]
[Migration("20261203000100_LocationSource")]
internal sealed class LocationSources : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "location_source", table: "accounts", nullable: true);
        migrationBuilder.AddColumn<string>(name: "home_location_source", table: "reps", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "location_source", table: "accounts");
        migrationBuilder.DropColumn(name: "home_location_source", table: "reps");
    }
}
