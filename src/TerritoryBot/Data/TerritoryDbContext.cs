using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace TerritoryBot.Data;

/// <summary>
/// The territory database (SQLite by default, PostgreSQL by configuration). Used directly by commands and
/// endpoints; the data-set level operations are extension methods in <see cref="TerritoryStore"/>.
/// Abstract because migrations are generated per provider (their column types differ): each provider has its own
/// subclass, which owns its migration set and model snapshot (<see cref="SqliteTerritoryDbContext"/>,
/// <see cref="PostgresTerritoryDbContext"/>); <see cref="TerritoryDatabase.NewContext"/> picks one.
/// Column names come from the snake_case naming convention (<c>UseSnakeCaseNamingConvention</c>); the names written
/// out below are the ones the first, hand-written schema gave that the convention would not (keys, foreign keys,
/// indexes), kept so existing databases match the model exactly.
/// </summary>
internal abstract class TerritoryDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<AccountEntity> Accounts => Set<AccountEntity>();
    public DbSet<RepEntity> Reps => Set<RepEntity>();
    public DbSet<OpportunityEntity> Opportunities => Set<OpportunityEntity>();
    public DbSet<IcpEntity> Icp => Set<IcpEntity>();
    public DbSet<ScenarioEntity> Scenarios => Set<ScenarioEntity>();
    public DbSet<ScenarioAssignmentEntity> ScenarioAssignments => Set<ScenarioAssignmentEntity>();
    public DbSet<Workflow.ProposalEntity> Proposals => Set<Workflow.ProposalEntity>();
    public DbSet<Workflow.ProposalMoveEntity> ProposalMoves => Set<Workflow.ProposalMoveEntity>();
    public DbSet<Workflow.AuditEntity> AuditTrail => Set<Workflow.AuditEntity>();
    public DbSet<Workflow.OutboxEntity> Outbox => Set<Workflow.OutboxEntity>();
    public DbSet<Workflow.DataVersionEntity> DataVersion => Set<Workflow.DataVersionEntity>();
    public DbSet<Channels.Teams.TeamsConversationEntity> TeamsConversations => Set<Channels.Teams.TeamsConversationEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // The schema indexes the foreign keys it queries by, explicitly (below); the convention would also index
        // proposals.reverts_proposal_id, which the schema never had. Declare an index with each new foreign key.
        configurationBuilder.Conventions.Remove<ForeignKeyIndexConvention>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RepEntity>(e =>
        {
            e.ToTable("reps");
            e.HasKey(x => x.Id).HasName("PK_reps");
            e.Property(x => x.Role).HasConversion<string>();
            e.Property(x => x.Seniority).HasConversion<string>();
            e.Property(x => x.HomeLocationSource).HasConversion<string>();
        });

        modelBuilder.Entity<AccountEntity>(e =>
        {
            e.ToTable("accounts");
            e.HasKey(x => x.Id).HasName("PK_accounts");
            e.Property(x => x.CurrentTier).HasConversion<string>();
            e.Property(x => x.LocationSource).HasConversion<string>();
            e.HasIndex(x => x.OwnerId).HasDatabaseName("ix_accounts_owner_id");
            e.HasOne<RepEntity>().WithMany().HasForeignKey(x => x.OwnerId).HasConstraintName("fk_accounts_owner").OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<OpportunityEntity>(e =>
        {
            e.ToTable("opportunities");
            e.HasKey(x => x.Id).HasName("PK_opportunities");
            e.HasIndex(x => x.AccountId).HasDatabaseName("ix_opportunities_account_id");
            e.HasIndex(x => x.OwnerId).HasDatabaseName("ix_opportunities_owner_id");
            e.HasOne<AccountEntity>().WithMany().HasForeignKey(x => x.AccountId).HasConstraintName("fk_opportunities_account").OnDelete(DeleteBehavior.Cascade);
            e.HasOne<RepEntity>().WithMany().HasForeignKey(x => x.OwnerId).HasConstraintName("fk_opportunities_owner").OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<IcpEntity>(e =>
        {
            e.ToTable("icp");
            e.HasKey(x => x.Id).HasName("PK_icp");
            e.Property(x => x.Id).ValueGeneratedNever();
        });

        modelBuilder.Entity<ScenarioEntity>(e =>
        {
            e.ToTable("scenarios");
            e.HasKey(x => x.Id).HasName("PK_scenarios");
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.HasIndex(x => x.Name).IsUnique().HasDatabaseName("ux_scenarios_name");
            e.HasMany(x => x.Assignments).WithOne().HasForeignKey(x => x.ScenarioId).HasConstraintName("fk_scenario_assignments_scenario").OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ScenarioAssignmentEntity>(e =>
        {
            e.ToTable("scenario_assignments");
            e.HasKey(x => new { x.ScenarioId, x.AccountId }).HasName("PK_scenario_assignments");
        });

        modelBuilder.Entity<Workflow.ProposalEntity>(e =>
        {
            e.ToTable("proposals");
            e.HasKey(x => x.Id).HasName("PK_proposals");
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.Property(x => x.Status).HasConversion(Workflow.WorkflowColumns.Status);
            e.Property(x => x.Source).HasConversion(Workflow.WorkflowColumns.Source);
            e.HasIndex(x => x.Status).HasDatabaseName("ix_proposals_status");
            e.HasOne<Workflow.ProposalEntity>().WithMany().HasForeignKey(x => x.RevertsProposalId).HasConstraintName("fk_proposals_reverts").OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Moves).WithOne().HasForeignKey(x => x.ProposalId).HasConstraintName("fk_proposal_moves_proposal").OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Workflow.ProposalMoveEntity>(e =>
        {
            e.ToTable("proposal_moves");
            e.HasKey(x => new { x.ProposalId, x.AccountId }).HasName("PK_proposal_moves");
            e.HasIndex(x => x.AccountId).HasDatabaseName("ix_proposal_moves_account_id");
        });

        modelBuilder.Entity<Workflow.AuditEntity>(e =>
        {
            e.ToTable("audit_trail");
            e.HasKey(x => x.Id).HasName("PK_audit_trail");
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.HasIndex(x => x.ProposalId).HasDatabaseName("ix_audit_trail_proposal_id");
            e.HasIndex(x => x.AccountId).HasDatabaseName("ix_audit_trail_account_id");
        });

        modelBuilder.Entity<Workflow.OutboxEntity>(e =>
        {
            e.ToTable("outbox");
            e.HasKey(x => x.Id).HasName("PK_outbox");
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.HasIndex(x => new { x.DeliveredAt, x.GaveUpAt, x.NextAttemptAt }).HasDatabaseName("ix_outbox_pending");
        });

        modelBuilder.Entity<Workflow.DataVersionEntity>(e =>
        {
            e.ToTable("data_version");
            e.HasKey(x => x.Id).HasName("PK_data_version");
            e.Property(x => x.Id).ValueGeneratedNever();
        });

        modelBuilder.Entity<Channels.Teams.TeamsConversationEntity>(e =>
        {
            e.ToTable("teams_conversations");
            e.HasKey(x => x.AadObjectId).HasName("PK_teams_conversations");
        });
    }
}

/// <summary>
/// The SQLite database: owns the SQLite migrations (Data/Migrations/Sqlite) and their model snapshot. No members of
/// its own; a type of its own is how EF Core keeps one migration set per provider in one assembly.
/// </summary>
internal sealed class SqliteTerritoryDbContext(DbContextOptions<SqliteTerritoryDbContext> options) : TerritoryDbContext(options);

/// <summary>The PostgreSQL database: owns the PostgreSQL migrations (Data/Migrations/Postgres) and their model snapshot.</summary>
internal sealed class PostgresTerritoryDbContext(DbContextOptions<PostgresTerritoryDbContext> options) : TerritoryDbContext(options);
