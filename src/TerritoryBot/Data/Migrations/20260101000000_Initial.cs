using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace TerritoryBot.Data.Migrations;

/// <summary>
/// The first schema. Written by hand (the EF design-time package is not available): column types are left to
/// the provider (TEXT/REAL/INTEGER on SQLite; text/double precision/integer/boolean/date/timestamptz on
/// PostgreSQL), so one migration serves both. Keep it in step with <see cref="TerritoryDbContext"/>;
/// Data/SchemaTests checks every mapped column against a migrated database.
/// </summary>
[DbContext(typeof(TerritoryDbContext))]
[Migration("20260101000000_Initial")]
internal sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "reps",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                name = table.Column<string>(nullable: false),
                email = table.Column<string>(nullable: true),
                role = table.Column<string>(nullable: false),
                // No foreign key: a manager may appear later in reps.csv (or in a later batch of the upsert);
                // the importer checks manager_id against the folder instead.
                manager_id = table.Column<string>(nullable: true),
                seniority = table.Column<string>(nullable: false),
                quota = table.Column<double>(nullable: true),
                capacity = table.Column<int>(nullable: true),
                ramping = table.Column<bool>(nullable: false),
                home_latitude = table.Column<double>(nullable: true),
                home_longitude = table.Column<double>(nullable: true),
                region = table.Column<string>(nullable: true),
                industry_strengths = table.Column<string>(nullable: false),
                slack_user_id = table.Column<string>(nullable: true),
                teams_aad_object_id = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_reps", x => x.id));

        migrationBuilder.CreateTable(
            name: "accounts",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                name = table.Column<string>(nullable: false),
                industry = table.Column<string>(nullable: false),
                employees = table.Column<int>(nullable: false),
                annual_revenue = table.Column<double>(nullable: true),
                country = table.Column<string>(nullable: true),
                region = table.Column<string>(nullable: true),
                city = table.Column<string>(nullable: true),
                postal_code = table.Column<string>(nullable: true),
                latitude = table.Column<double>(nullable: true),
                longitude = table.Column<double>(nullable: true),
                tech_stack = table.Column<string>(nullable: false),
                growth_rate = table.Column<double>(nullable: true),
                funding_stage = table.Column<string>(nullable: true),
                intent_score = table.Column<double>(nullable: true),
                is_customer = table.Column<bool>(nullable: false),
                current_arr = table.Column<double>(nullable: false),
                current_tier = table.Column<string>(nullable: true),
                owner_id = table.Column<string>(nullable: true),
                named_account = table.Column<bool>(nullable: false),
                last_activity_date = table.Column<DateOnly>(nullable: true),
                relationship_notes = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_accounts", x => x.id);
                table.ForeignKey("fk_accounts_owner", x => x.owner_id, "reps", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "opportunities",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                account_id = table.Column<string>(nullable: false),
                owner_id = table.Column<string>(nullable: false),
                amount = table.Column<double>(nullable: false),
                stage = table.Column<string>(nullable: false),
                created_date = table.Column<DateOnly>(nullable: true),
                close_date = table.Column<DateOnly>(nullable: true),
                last_activity_date = table.Column<DateOnly>(nullable: true),
                notes = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_opportunities", x => x.id);
                table.ForeignKey("fk_opportunities_account", x => x.account_id, "accounts", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_opportunities_owner", x => x.owner_id, "reps", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "icp",
            columns: table => new
            {
                id = table.Column<int>(nullable: false),
                json = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_icp", x => x.id));

        migrationBuilder.CreateTable(
            name: "account_scores",
            columns: table => new
            {
                account_id = table.Column<string>(nullable: false),
                icp_fit = table.Column<int>(nullable: false),
                opportunity_score = table.Column<double>(nullable: false),
                potential_arr = table.Column<double>(nullable: false),
                potential_low = table.Column<double>(nullable: false),
                potential_high = table.Column<double>(nullable: false),
                tier = table.Column<string>(nullable: false),
                status = table.Column<string>(nullable: false),
                priority = table.Column<string>(nullable: false),
                whitespace = table.Column<bool>(nullable: false),
                scored_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_account_scores", x => x.account_id);
                table.ForeignKey("fk_account_scores_account", x => x.account_id, "accounts", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "scenarios",
            columns: table => new
            {
                // Both providers' identity annotations: each provider reads its own and ignores the other.
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                name = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                recommended = table.Column<bool>(nullable: false),
                metrics = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_scenarios", x => x.id));

        migrationBuilder.CreateTable(
            name: "scenario_assignments",
            columns: table => new
            {
                scenario_id = table.Column<long>(nullable: false),
                account_id = table.Column<string>(nullable: false),
                rep_id = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_scenario_assignments", x => new { x.scenario_id, x.account_id });
                table.ForeignKey("fk_scenario_assignments_scenario", x => x.scenario_id, "scenarios", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_accounts_owner_id", "accounts", "owner_id");
        migrationBuilder.CreateIndex("ix_opportunities_account_id", "opportunities", "account_id");
        migrationBuilder.CreateIndex("ix_opportunities_owner_id", "opportunities", "owner_id");
        migrationBuilder.CreateIndex("ux_scenarios_name", "scenarios", "name", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("scenario_assignments");
        migrationBuilder.DropTable("scenarios");
        migrationBuilder.DropTable("account_scores");
        migrationBuilder.DropTable("icp");
        migrationBuilder.DropTable("opportunities");
        migrationBuilder.DropTable("accounts");
        migrationBuilder.DropTable("reps");
    }
}
