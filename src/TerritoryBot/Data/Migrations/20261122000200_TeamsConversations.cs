using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TerritoryBot.Data.Migrations;

/// <summary>Teams conversation references for proactive notifications (Channels/Teams). Hand-written, like Initial.</summary>
[DbContext(typeof(TerritoryDbContext))]
[Migration("20261122000200_TeamsConversations")]
internal sealed class TeamsConversations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "teams_conversations",
            columns: table => new
            {
                aad_object_id = table.Column<string>(nullable: false),
                user_id = table.Column<string>(nullable: false),
                bot_id = table.Column<string>(nullable: false),
                service_url = table.Column<string>(nullable: false),
                tenant_id = table.Column<string>(nullable: true),
                conversation_id = table.Column<string>(nullable: true),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_teams_conversations", x => x.aad_object_id));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "teams_conversations");
}
