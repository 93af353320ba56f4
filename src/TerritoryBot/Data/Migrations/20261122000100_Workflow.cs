using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace TerritoryBot.Data.Migrations;

/// <summary>
/// The reassignment workflow: proposals and their moves, the audit trail, the notification outbox and the data
/// version row. Hand-written like <see cref="Initial"/> (provider-neutral column types, both identity annotations).
/// </summary>
[DbContext(typeof(TerritoryDbContext))]
[Migration("20261122000100_Workflow")]
internal sealed class WorkflowTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "proposals",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                status = table.Column<string>(nullable: false),
                version = table.Column<int>(nullable: false),
                source = table.Column<string>(nullable: false),
                source_detail = table.Column<string>(nullable: true),
                proposer_rep_id = table.Column<string>(nullable: false),
                reason = table.Column<string>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                decided_by = table.Column<string>(nullable: true),
                decided_at = table.Column<DateTime>(nullable: true),
                decision_reason = table.Column<string>(nullable: true),
                reverts_proposal_id = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_proposals", x => x.id);
                table.ForeignKey("fk_proposals_reverts", x => x.reverts_proposal_id, "proposals", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "proposal_moves",
            columns: table => new
            {
                proposal_id = table.Column<long>(nullable: false),
                account_id = table.Column<string>(nullable: false),
                from_rep_id = table.Column<string>(nullable: true),
                to_rep_id = table.Column<string>(nullable: true),
                rationale = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_proposal_moves", x => new { x.proposal_id, x.account_id });
                table.ForeignKey("fk_proposal_moves_proposal", x => x.proposal_id, "proposals", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "audit_trail",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                actor = table.Column<string>(nullable: false),
                at = table.Column<DateTime>(nullable: false),
                action = table.Column<string>(nullable: false),
                proposal_id = table.Column<long>(nullable: true),
                account_id = table.Column<string>(nullable: true),
                before_owner = table.Column<string>(nullable: true),
                after_owner = table.Column<string>(nullable: true),
                why = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_audit_trail", x => x.id));

        migrationBuilder.CreateTable(
            name: "outbox",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                recipient_rep_id = table.Column<string>(nullable: false),
                text = table.Column<string>(nullable: false),
                card_json = table.Column<string>(nullable: true),
                proposal_id = table.Column<long>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                attempts = table.Column<int>(nullable: false),
                next_attempt_at = table.Column<DateTime>(nullable: false),
                claimed_until = table.Column<DateTime>(nullable: true),
                claimed_by = table.Column<string>(nullable: true),
                delivered_at = table.Column<DateTime>(nullable: true),
                channel = table.Column<string>(nullable: true),
                gave_up_at = table.Column<DateTime>(nullable: true),
                last_error = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_outbox", x => x.id));

        migrationBuilder.CreateTable(
            name: "data_version",
            columns: table => new
            {
                id = table.Column<int>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_data_version", x => x.id));

        // The one row every owner change and import bumps (plain SQL: the same statement on both providers).
        migrationBuilder.Sql("INSERT INTO data_version (id, version) VALUES (1, 0)");

        migrationBuilder.CreateIndex("ix_proposals_status", "proposals", "status");
        migrationBuilder.CreateIndex("ix_proposal_moves_account_id", "proposal_moves", "account_id");
        migrationBuilder.CreateIndex("ix_audit_trail_proposal_id", "audit_trail", "proposal_id");
        migrationBuilder.CreateIndex("ix_audit_trail_account_id", "audit_trail", "account_id");
        migrationBuilder.CreateIndex("ix_outbox_pending", "outbox", ["delivered_at", "gave_up_at", "next_attempt_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("data_version");
        migrationBuilder.DropTable("outbox");
        migrationBuilder.DropTable("audit_trail");
        migrationBuilder.DropTable("proposal_moves");
        migrationBuilder.DropTable("proposals");
    }
}
