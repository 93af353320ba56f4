-- The schema (and migration history) a database created by the release before the generated migrations has:
-- `sqlite3 territorybot.db .dump` of a database that release migrated (hand-written migrations 20260101000000_Initial,
-- 20261122000100_Workflow, 20261122000200_TeamsConversations; EF Core 10.0.14). Data/MigrationTests replays it. Do not edit.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY,
    "Timestamp" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);
INSERT INTO __EFMigrationsHistory VALUES('20260101000000_Initial','10.0.14');
INSERT INTO __EFMigrationsHistory VALUES('20261122000100_Workflow','10.0.14');
INSERT INTO __EFMigrationsHistory VALUES('20261122000200_TeamsConversations','10.0.14');
CREATE TABLE IF NOT EXISTS "reps" (
    "id" TEXT NOT NULL CONSTRAINT "PK_reps" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NULL,
    "role" TEXT NOT NULL,
    "manager_id" TEXT NULL,
    "seniority" TEXT NOT NULL,
    "quota" REAL NULL,
    "capacity" INTEGER NULL,
    "ramping" INTEGER NOT NULL,
    "home_latitude" REAL NULL,
    "home_longitude" REAL NULL,
    "region" TEXT NULL,
    "industry_strengths" TEXT NOT NULL,
    "slack_user_id" TEXT NULL,
    "teams_aad_object_id" TEXT NULL
);
CREATE TABLE IF NOT EXISTS "accounts" (
    "id" TEXT NOT NULL CONSTRAINT "PK_accounts" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "industry" TEXT NOT NULL,
    "employees" INTEGER NOT NULL,
    "annual_revenue" REAL NULL,
    "country" TEXT NULL,
    "region" TEXT NULL,
    "city" TEXT NULL,
    "postal_code" TEXT NULL,
    "latitude" REAL NULL,
    "longitude" REAL NULL,
    "tech_stack" TEXT NOT NULL,
    "growth_rate" REAL NULL,
    "funding_stage" TEXT NULL,
    "intent_score" REAL NULL,
    "is_customer" INTEGER NOT NULL,
    "current_arr" REAL NOT NULL,
    "current_tier" TEXT NULL,
    "owner_id" TEXT NULL,
    "named_account" INTEGER NOT NULL,
    "last_activity_date" TEXT NULL,
    "relationship_notes" TEXT NULL,
    CONSTRAINT "fk_accounts_owner" FOREIGN KEY ("owner_id") REFERENCES "reps" ("id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "opportunities" (
    "id" TEXT NOT NULL CONSTRAINT "PK_opportunities" PRIMARY KEY,
    "account_id" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "amount" REAL NOT NULL,
    "stage" TEXT NOT NULL,
    "created_date" TEXT NULL,
    "close_date" TEXT NULL,
    "last_activity_date" TEXT NULL,
    "notes" TEXT NULL,
    CONSTRAINT "fk_opportunities_account" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_opportunities_owner" FOREIGN KEY ("owner_id") REFERENCES "reps" ("id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "icp" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_icp" PRIMARY KEY,
    "json" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "account_scores" (
    "account_id" TEXT NOT NULL CONSTRAINT "PK_account_scores" PRIMARY KEY,
    "icp_fit" INTEGER NOT NULL,
    "opportunity_score" REAL NOT NULL,
    "potential_arr" REAL NOT NULL,
    "potential_low" REAL NOT NULL,
    "potential_high" REAL NOT NULL,
    "tier" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "whitespace" INTEGER NOT NULL,
    "scored_at" TEXT NOT NULL,
    CONSTRAINT "fk_account_scores_account" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "scenarios" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_scenarios" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "recommended" INTEGER NOT NULL,
    "metrics" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "scenario_assignments" (
    "scenario_id" INTEGER NOT NULL,
    "account_id" TEXT NOT NULL,
    "rep_id" TEXT NOT NULL,
    CONSTRAINT "PK_scenario_assignments" PRIMARY KEY ("scenario_id", "account_id"),
    CONSTRAINT "fk_scenario_assignments_scenario" FOREIGN KEY ("scenario_id") REFERENCES "scenarios" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "proposals" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_proposals" PRIMARY KEY AUTOINCREMENT,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "source_detail" TEXT NULL,
    "proposer_rep_id" TEXT NOT NULL,
    "reason" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "decided_by" TEXT NULL,
    "decided_at" TEXT NULL,
    "decision_reason" TEXT NULL,
    "reverts_proposal_id" INTEGER NULL,
    CONSTRAINT "fk_proposals_reverts" FOREIGN KEY ("reverts_proposal_id") REFERENCES "proposals" ("id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "proposal_moves" (
    "proposal_id" INTEGER NOT NULL,
    "account_id" TEXT NOT NULL,
    "from_rep_id" TEXT NULL,
    "to_rep_id" TEXT NULL,
    "rationale" TEXT NULL,
    CONSTRAINT "PK_proposal_moves" PRIMARY KEY ("proposal_id", "account_id"),
    CONSTRAINT "fk_proposal_moves_proposal" FOREIGN KEY ("proposal_id") REFERENCES "proposals" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "audit_trail" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_audit_trail" PRIMARY KEY AUTOINCREMENT,
    "actor" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "proposal_id" INTEGER NULL,
    "account_id" TEXT NULL,
    "before_owner" TEXT NULL,
    "after_owner" TEXT NULL,
    "why" TEXT NULL
);
CREATE TABLE IF NOT EXISTS "outbox" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_outbox" PRIMARY KEY AUTOINCREMENT,
    "recipient_rep_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "card_json" TEXT NULL,
    "proposal_id" INTEGER NULL,
    "created_at" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TEXT NOT NULL,
    "claimed_until" TEXT NULL,
    "claimed_by" TEXT NULL,
    "delivered_at" TEXT NULL,
    "channel" TEXT NULL,
    "gave_up_at" TEXT NULL,
    "last_error" TEXT NULL
);
CREATE TABLE IF NOT EXISTS "data_version" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_data_version" PRIMARY KEY,
    "version" INTEGER NOT NULL
);
INSERT INTO data_version VALUES(1,0);
CREATE TABLE IF NOT EXISTS "teams_conversations" (
    "aad_object_id" TEXT NOT NULL CONSTRAINT "PK_teams_conversations" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "bot_id" TEXT NOT NULL,
    "service_url" TEXT NOT NULL,
    "tenant_id" TEXT NULL,
    "conversation_id" TEXT NULL,
    "updated_at" TEXT NOT NULL
);
DELETE FROM sqlite_sequence;
CREATE INDEX "ix_accounts_owner_id" ON "accounts" ("owner_id");
CREATE INDEX "ix_opportunities_account_id" ON "opportunities" ("account_id");
CREATE INDEX "ix_opportunities_owner_id" ON "opportunities" ("owner_id");
CREATE UNIQUE INDEX "ux_scenarios_name" ON "scenarios" ("name");
CREATE INDEX "ix_proposals_status" ON "proposals" ("status");
CREATE INDEX "ix_proposal_moves_account_id" ON "proposal_moves" ("account_id");
CREATE INDEX "ix_audit_trail_proposal_id" ON "audit_trail" ("proposal_id");
CREATE INDEX "ix_audit_trail_account_id" ON "audit_trail" ("account_id");
CREATE INDEX "ix_outbox_pending" ON "outbox" ("delivered_at", "gave_up_at", "next_attempt_at");
COMMIT;
