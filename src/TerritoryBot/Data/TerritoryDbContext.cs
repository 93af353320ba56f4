using Microsoft.EntityFrameworkCore;

namespace TerritoryBot.Data;

/// <summary>
/// The territory database (SQLite by default, PostgreSQL by configuration). Used directly by commands and
/// endpoints; the data-set level operations are extension methods in <see cref="TerritoryStore"/>.
/// Table and column names are snake_case and written out here, because the hand-written migrations use them too.
/// </summary>
internal sealed class TerritoryDbContext(DbContextOptions<TerritoryDbContext> options) : DbContext(options)
{
    public DbSet<AccountEntity> Accounts => Set<AccountEntity>();
    public DbSet<RepEntity> Reps => Set<RepEntity>();
    public DbSet<OpportunityEntity> Opportunities => Set<OpportunityEntity>();
    public DbSet<IcpEntity> Icp => Set<IcpEntity>();
    public DbSet<AccountScoreEntity> AccountScores => Set<AccountScoreEntity>();
    public DbSet<ScenarioEntity> Scenarios => Set<ScenarioEntity>();
    public DbSet<ScenarioAssignmentEntity> ScenarioAssignments => Set<ScenarioAssignmentEntity>();
    public DbSet<Channels.Teams.TeamsConversationEntity> TeamsConversations => Set<Channels.Teams.TeamsConversationEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RepEntity>(e =>
        {
            e.ToTable("reps");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Name).HasColumnName("name");
            e.Property(x => x.Email).HasColumnName("email");
            e.Property(x => x.Role).HasColumnName("role").HasConversion<string>();
            e.Property(x => x.ManagerId).HasColumnName("manager_id");
            e.Property(x => x.Seniority).HasColumnName("seniority").HasConversion<string>();
            e.Property(x => x.Quota).HasColumnName("quota");
            e.Property(x => x.Capacity).HasColumnName("capacity");
            e.Property(x => x.Ramping).HasColumnName("ramping");
            e.Property(x => x.HomeLatitude).HasColumnName("home_latitude");
            e.Property(x => x.HomeLongitude).HasColumnName("home_longitude");
            e.Property(x => x.Region).HasColumnName("region");
            e.Property(x => x.IndustryStrengths).HasColumnName("industry_strengths");
            e.Property(x => x.SlackUserId).HasColumnName("slack_user_id");
            e.Property(x => x.TeamsAadObjectId).HasColumnName("teams_aad_object_id");
        });

        modelBuilder.Entity<AccountEntity>(e =>
        {
            e.ToTable("accounts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Name).HasColumnName("name");
            e.Property(x => x.Industry).HasColumnName("industry");
            e.Property(x => x.Employees).HasColumnName("employees");
            e.Property(x => x.AnnualRevenue).HasColumnName("annual_revenue");
            e.Property(x => x.Country).HasColumnName("country");
            e.Property(x => x.Region).HasColumnName("region");
            e.Property(x => x.City).HasColumnName("city");
            e.Property(x => x.PostalCode).HasColumnName("postal_code");
            e.Property(x => x.Latitude).HasColumnName("latitude");
            e.Property(x => x.Longitude).HasColumnName("longitude");
            e.Property(x => x.TechStack).HasColumnName("tech_stack");
            e.Property(x => x.GrowthRate).HasColumnName("growth_rate");
            e.Property(x => x.FundingStage).HasColumnName("funding_stage");
            e.Property(x => x.IntentScore).HasColumnName("intent_score");
            e.Property(x => x.IsCustomer).HasColumnName("is_customer");
            e.Property(x => x.CurrentArr).HasColumnName("current_arr");
            e.Property(x => x.CurrentTier).HasColumnName("current_tier").HasConversion<string>();
            e.Property(x => x.OwnerId).HasColumnName("owner_id");
            e.Property(x => x.NamedAccount).HasColumnName("named_account");
            e.Property(x => x.LastActivityDate).HasColumnName("last_activity_date");
            e.Property(x => x.RelationshipNotes).HasColumnName("relationship_notes");
            e.HasIndex(x => x.OwnerId).HasDatabaseName("ix_accounts_owner_id");
            e.HasOne<RepEntity>().WithMany().HasForeignKey(x => x.OwnerId).HasConstraintName("fk_accounts_owner").OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<OpportunityEntity>(e =>
        {
            e.ToTable("opportunities");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.AccountId).HasColumnName("account_id");
            e.Property(x => x.OwnerId).HasColumnName("owner_id");
            e.Property(x => x.Amount).HasColumnName("amount");
            e.Property(x => x.Stage).HasColumnName("stage");
            e.Property(x => x.CreatedDate).HasColumnName("created_date");
            e.Property(x => x.CloseDate).HasColumnName("close_date");
            e.Property(x => x.LastActivityDate).HasColumnName("last_activity_date");
            e.Property(x => x.Notes).HasColumnName("notes");
            e.HasIndex(x => x.AccountId).HasDatabaseName("ix_opportunities_account_id");
            e.HasIndex(x => x.OwnerId).HasDatabaseName("ix_opportunities_owner_id");
            e.HasOne<AccountEntity>().WithMany().HasForeignKey(x => x.AccountId).HasConstraintName("fk_opportunities_account").OnDelete(DeleteBehavior.Cascade);
            e.HasOne<RepEntity>().WithMany().HasForeignKey(x => x.OwnerId).HasConstraintName("fk_opportunities_owner").OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<IcpEntity>(e =>
        {
            e.ToTable("icp");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(x => x.Json).HasColumnName("json");
        });

        modelBuilder.Entity<AccountScoreEntity>(e =>
        {
            e.ToTable("account_scores");
            e.HasKey(x => x.AccountId);
            e.Property(x => x.AccountId).HasColumnName("account_id");
            e.Property(x => x.IcpFit).HasColumnName("icp_fit");
            e.Property(x => x.OpportunityScore).HasColumnName("opportunity_score");
            e.Property(x => x.PotentialArr).HasColumnName("potential_arr");
            e.Property(x => x.PotentialLow).HasColumnName("potential_low");
            e.Property(x => x.PotentialHigh).HasColumnName("potential_high");
            e.Property(x => x.Tier).HasColumnName("tier").HasConversion<string>();
            e.Property(x => x.Status).HasColumnName("status").HasConversion<string>();
            e.Property(x => x.Priority).HasColumnName("priority").HasConversion<string>();
            e.Property(x => x.Whitespace).HasColumnName("whitespace");
            e.Property(x => x.ScoredAt).HasColumnName("scored_at");
            e.HasOne<AccountEntity>().WithOne().HasForeignKey<AccountScoreEntity>(x => x.AccountId).HasConstraintName("fk_account_scores_account").OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ScenarioEntity>(e =>
        {
            e.ToTable("scenarios");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
            e.Property(x => x.Name).HasColumnName("name");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.Recommended).HasColumnName("recommended");
            e.Property(x => x.Metrics).HasColumnName("metrics");
            e.HasIndex(x => x.Name).IsUnique().HasDatabaseName("ux_scenarios_name");
            e.HasMany(x => x.Assignments).WithOne().HasForeignKey(x => x.ScenarioId).HasConstraintName("fk_scenario_assignments_scenario").OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ScenarioAssignmentEntity>(e =>
        {
            e.ToTable("scenario_assignments");
            e.HasKey(x => new { x.ScenarioId, x.AccountId });
            e.Property(x => x.ScenarioId).HasColumnName("scenario_id");
            e.Property(x => x.AccountId).HasColumnName("account_id");
            e.Property(x => x.RepId).HasColumnName("rep_id");
        });

        modelBuilder.Entity<Channels.Teams.TeamsConversationEntity>(e =>
        {
            e.ToTable("teams_conversations");
            e.HasKey(x => x.AadObjectId);
            e.Property(x => x.AadObjectId).HasColumnName("aad_object_id");
            e.Property(x => x.UserId).HasColumnName("user_id");
            e.Property(x => x.BotId).HasColumnName("bot_id");
            e.Property(x => x.ServiceUrl).HasColumnName("service_url");
            e.Property(x => x.TenantId).HasColumnName("tenant_id");
            e.Property(x => x.ConversationId).HasColumnName("conversation_id");
            e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        });
    }
}
