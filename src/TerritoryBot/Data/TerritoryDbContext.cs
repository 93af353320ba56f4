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
    public DbSet<Workflow.ProposalEntity> Proposals => Set<Workflow.ProposalEntity>();
    public DbSet<Workflow.ProposalMoveEntity> ProposalMoves => Set<Workflow.ProposalMoveEntity>();
    public DbSet<Workflow.AuditEntity> AuditTrail => Set<Workflow.AuditEntity>();
    public DbSet<Workflow.OutboxEntity> Outbox => Set<Workflow.OutboxEntity>();
    public DbSet<Workflow.DataVersionEntity> DataVersion => Set<Workflow.DataVersionEntity>();
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
            e.Property(x => x.HomeLocationSource).HasColumnName("home_location_source").HasConversion<string>();
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
            e.Property(x => x.LocationSource).HasColumnName("location_source").HasConversion<string>();
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
        modelBuilder.Entity<Workflow.ProposalEntity>(e =>
        {
            e.ToTable("proposals");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
            e.Property(x => x.Status).HasColumnName("status").HasConversion(Workflow.WorkflowColumns.Status);
            e.Property(x => x.Version).HasColumnName("version");
            e.Property(x => x.Source).HasColumnName("source").HasConversion(Workflow.WorkflowColumns.Source);
            e.Property(x => x.SourceDetail).HasColumnName("source_detail");
            e.Property(x => x.ProposerRepId).HasColumnName("proposer_rep_id");
            e.Property(x => x.Reason).HasColumnName("reason");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.DecidedBy).HasColumnName("decided_by");
            e.Property(x => x.DecidedAt).HasColumnName("decided_at");
            e.Property(x => x.DecisionReason).HasColumnName("decision_reason");
            e.Property(x => x.RevertsProposalId).HasColumnName("reverts_proposal_id");
            e.HasIndex(x => x.Status).HasDatabaseName("ix_proposals_status");
            e.HasOne<Workflow.ProposalEntity>().WithMany().HasForeignKey(x => x.RevertsProposalId).HasConstraintName("fk_proposals_reverts").OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Moves).WithOne().HasForeignKey(x => x.ProposalId).HasConstraintName("fk_proposal_moves_proposal").OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Workflow.ProposalMoveEntity>(e =>
        {
            e.ToTable("proposal_moves");
            e.HasKey(x => new { x.ProposalId, x.AccountId });
            e.Property(x => x.ProposalId).HasColumnName("proposal_id");
            e.Property(x => x.AccountId).HasColumnName("account_id");
            e.Property(x => x.FromRepId).HasColumnName("from_rep_id");
            e.Property(x => x.ToRepId).HasColumnName("to_rep_id");
            e.Property(x => x.Rationale).HasColumnName("rationale");
            e.HasIndex(x => x.AccountId).HasDatabaseName("ix_proposal_moves_account_id");
        });

        modelBuilder.Entity<Workflow.AuditEntity>(e =>
        {
            e.ToTable("audit_trail");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
            e.Property(x => x.Actor).HasColumnName("actor");
            e.Property(x => x.At).HasColumnName("at");
            e.Property(x => x.Action).HasColumnName("action");
            e.Property(x => x.ProposalId).HasColumnName("proposal_id");
            e.Property(x => x.AccountId).HasColumnName("account_id");
            e.Property(x => x.BeforeOwner).HasColumnName("before_owner");
            e.Property(x => x.AfterOwner).HasColumnName("after_owner");
            e.Property(x => x.Why).HasColumnName("why");
            e.HasIndex(x => x.ProposalId).HasDatabaseName("ix_audit_trail_proposal_id");
            e.HasIndex(x => x.AccountId).HasDatabaseName("ix_audit_trail_account_id");
        });

        modelBuilder.Entity<Workflow.OutboxEntity>(e =>
        {
            e.ToTable("outbox");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
            e.Property(x => x.RecipientRepId).HasColumnName("recipient_rep_id");
            e.Property(x => x.Text).HasColumnName("text");
            e.Property(x => x.CardJson).HasColumnName("card_json");
            e.Property(x => x.ProposalId).HasColumnName("proposal_id");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.Attempts).HasColumnName("attempts");
            e.Property(x => x.NextAttemptAt).HasColumnName("next_attempt_at");
            e.Property(x => x.ClaimedUntil).HasColumnName("claimed_until");
            e.Property(x => x.ClaimedBy).HasColumnName("claimed_by");
            e.Property(x => x.DeliveredAt).HasColumnName("delivered_at");
            e.Property(x => x.Channel).HasColumnName("channel");
            e.Property(x => x.GaveUpAt).HasColumnName("gave_up_at");
            e.Property(x => x.LastError).HasColumnName("last_error");
            e.HasIndex(x => new { x.DeliveredAt, x.GaveUpAt, x.NextAttemptAt }).HasDatabaseName("ix_outbox_pending");
        });

        modelBuilder.Entity<Workflow.DataVersionEntity>(e =>
        {
            e.ToTable("data_version");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(x => x.Version).HasColumnName("version");
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
