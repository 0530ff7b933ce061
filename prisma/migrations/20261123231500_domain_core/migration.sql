-- AlterTable
ALTER TABLE "chat_user" ADD COLUMN     "cadre_id" TEXT;

-- AlterTable
ALTER TABLE "unit" ADD COLUMN     "contact" JSONB,
ADD COLUMN     "name_folded" TEXT,
ADD COLUMN     "short_code" TEXT,
ADD COLUMN     "tier_code" TEXT;

-- AlterTable
ALTER TABLE "unit_lineage" ADD COLUMN     "effective_on" DATE,
ADD COLUMN     "verified" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "unit_parent_edge" (
    "id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "parent_id" TEXT NOT NULL,
    "valid_from" DATE,
    "valid_to" DATE,

    CONSTRAINT "unit_parent_edge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cadre" (
    "id" TEXT NOT NULL,
    "full_name" TEXT NOT NULL,
    "position" TEXT,
    "phone_e164" TEXT,
    "unit_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending_verification',
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cadre_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cadre_role" (
    "id" BIGSERIAL NOT NULL,
    "cadre_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "scope_unit_id" TEXT NOT NULL,
    "tier_code" TEXT,
    "may_decline" BOOLEAN NOT NULL DEFAULT false,
    "valid_from" DATE,
    "valid_to" DATE,
    "suspended" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "cadre_role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invite_code" (
    "code" TEXT NOT NULL,
    "cadre_id" TEXT NOT NULL,
    "created_by" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "used_by_user_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invite_code_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "registration" (
    "id" TEXT NOT NULL,
    "code" TEXT,
    "year" INTEGER NOT NULL,
    "category" TEXT,
    "subject_type" TEXT,
    "subject_unit_id" TEXT NOT NULL,
    "person_name" TEXT,
    "person_position" TEXT,
    "title" TEXT,
    "title_folded" TEXT,
    "field" TEXT,
    "summary" TEXT,
    "rationale" TEXT,
    "goals_and_criteria" TEXT,
    "method" TEXT,
    "scope_and_beneficiaries" TEXT,
    "forces" TEXT,
    "resources_and_timeline" TEXT,
    "outputs" TEXT,
    "sustainability" TEXT,
    "location" TEXT,
    "start_date" DATE,
    "end_date" DATE,
    "contact_cadre_id" TEXT,
    "created_by_cadre_id" TEXT,
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "replicates_registration_id" TEXT,
    "continues_from_id" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "late" BOOLEAN NOT NULL DEFAULT false,
    "unit_snapshot" JSONB,
    "marked_public" BOOLEAN NOT NULL DEFAULT false,
    "submitted_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),
    "source" TEXT,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "registration_code_counter" (
    "year" INTEGER NOT NULL,
    "unit_short_code" TEXT NOT NULL,
    "last_sequence" INTEGER NOT NULL,

    CONSTRAINT "registration_code_counter_pkey" PRIMARY KEY ("year","unit_short_code")
);

-- CreateTable
CREATE TABLE "registration_note" (
    "id" BIGSERIAL NOT NULL,
    "registration_id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "comment" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "registration_note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_submission" (
    "id" TEXT NOT NULL,
    "registration_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "due_date" DATE,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "results_text" TEXT NOT NULL,
    "metrics" JSONB NOT NULL DEFAULT '[]',
    "difficulties" TEXT,
    "proposals" TEXT,
    "attachments" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "report_submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation" (
    "id" TEXT NOT NULL,
    "registration_id" TEXT NOT NULL,
    "round" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "evaluator_cadre_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "visited_on" DATE,
    "scores" JSONB NOT NULL DEFAULT '[]',
    "total" DOUBLE PRECISION,
    "verdict" TEXT NOT NULL,
    "comment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recognition" (
    "id" TEXT NOT NULL,
    "registration_id" TEXT NOT NULL,
    "tier_code" TEXT NOT NULL,
    "issuer_unit_id" TEXT NOT NULL,
    "issuer_snapshot" JSONB,
    "decision_no" TEXT,
    "decision_date" DATE,
    "year" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'approved',
    "title_as_recognized" TEXT,
    "tier_inferred" BOOLEAN NOT NULL DEFAULT false,
    "revoked_reason" TEXT,
    "revoked_decision" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recognition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nomination" (
    "id" TEXT NOT NULL,
    "from_recognition_id" TEXT NOT NULL,
    "to_tier_code" TEXT NOT NULL,
    "to_issuer_unit_id" TEXT,
    "proposed_by" TEXT,
    "proposed_at" TIMESTAMPTZ(3),
    "outcome" TEXT NOT NULL DEFAULT 'pending',
    "decided_at" TIMESTAMPTZ(3),
    "resulting_recognition_id" TEXT,

    CONSTRAINT "nomination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "award" (
    "id" TEXT NOT NULL,
    "recipient_type" TEXT NOT NULL,
    "recipient_unit_id" TEXT,
    "recipient_name" TEXT,
    "recipient_name_folded" TEXT,
    "recipient_cadre_id" TEXT,
    "recipient_birth_date" DATE,
    "recipient_count" INTEGER,
    "form" TEXT NOT NULL,
    "name" TEXT,
    "rank" TEXT,
    "issuer_unit_id" TEXT,
    "decision_no" TEXT,
    "date" DATE,
    "recognition_id" TEXT,
    "event_id" TEXT,
    "source" TEXT,
    "note" TEXT,

    CONSTRAINT "award_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "organizer_unit_id" TEXT,
    "host_unit_id" TEXT,
    "venue" TEXT,
    "address" TEXT,
    "starts_at" TIMESTAMPTZ(3),
    "ends_at" TIMESTAMPTZ(3),
    "date_text" TEXT,
    "date_precision" TEXT NOT NULL DEFAULT 'day',
    "audience" TEXT NOT NULL DEFAULT 'public',
    "status" TEXT NOT NULL DEFAULT 'planned',
    "results" JSONB,
    "source" TEXT,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subscriber" (
    "user_id" TEXT NOT NULL,
    "display_name" TEXT,
    "followed" BOOLEAN NOT NULL DEFAULT true,
    "blocked" BOOLEAN NOT NULL DEFAULT false,
    "units_of_interest" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "opted_in_at" TIMESTAMPTZ(3),
    "opted_out_at" TIMESTAMPTZ(3),
    "last_user_message_at" TIMESTAMPTZ(3),
    "broadcasts_this_month" INTEGER NOT NULL DEFAULT 0,
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subscriber_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "announcement" (
    "id" TEXT NOT NULL,
    "author_cadre_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "audience" JSONB NOT NULL,
    "scheduled_at" TIMESTAMPTZ(3),
    "status" TEXT NOT NULL DEFAULT 'draft',
    "approvals" JSONB NOT NULL DEFAULT '[]',
    "delivery_stats" JSONB NOT NULL DEFAULT '{}',
    "unit_snapshot" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "announcement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reminder_rule" (
    "id" TEXT NOT NULL,
    "owner_unit_id" TEXT NOT NULL,
    "target_query" JSONB NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "offsets_days" INTEGER[] DEFAULT ARRAY[-7, -3, -1, 0]::INTEGER[],
    "quiet_hours_start" TEXT NOT NULL DEFAULT '21:00',
    "quiet_hours_end" TEXT NOT NULL DEFAULT '07:00',
    "channel" TEXT,
    "template_id" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reminder_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_calendar_entry" (
    "id" TEXT NOT NULL,
    "reviewing_unit_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "report_kind" TEXT,
    "starts_on" DATE,
    "ends_on" DATE NOT NULL,
    "effective_from" DATE NOT NULL,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,

    CONSTRAINT "campaign_calendar_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_statistic" (
    "id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "metrics" JSONB NOT NULL,
    "source" TEXT,

    CONSTRAINT "unit_statistic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "channel" TEXT NOT NULL,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "unit_parent_edge_parent_id_idx" ON "unit_parent_edge"("parent_id");

-- CreateIndex
CREATE INDEX "cadre_unit_id_idx" ON "cadre"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "cadre_role_cadre_id_role_scope_unit_id_key" ON "cadre_role"("cadre_id", "role", "scope_unit_id");

-- CreateIndex
CREATE INDEX "invite_code_cadre_id_idx" ON "invite_code"("cadre_id");

-- CreateIndex
CREATE UNIQUE INDEX "registration_code_key" ON "registration"("code");

-- CreateIndex
CREATE INDEX "registration_subject_unit_id_year_idx" ON "registration"("subject_unit_id", "year");

-- CreateIndex
CREATE INDEX "registration_status_year_idx" ON "registration"("status", "year");

-- CreateIndex
CREATE INDEX "registration_contact_cadre_id_idx" ON "registration"("contact_cadre_id");

-- CreateIndex
CREATE INDEX "registration_note_registration_id_at_idx" ON "registration_note"("registration_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "report_submission_registration_id_kind_period_key" ON "report_submission"("registration_id", "kind", "period");

-- CreateIndex
CREATE INDEX "evaluation_registration_id_idx" ON "evaluation"("registration_id");

-- CreateIndex
CREATE INDEX "recognition_registration_id_idx" ON "recognition"("registration_id");

-- CreateIndex
CREATE INDEX "nomination_from_recognition_id_idx" ON "nomination"("from_recognition_id");

-- CreateIndex
CREATE INDEX "event_host_unit_id_starts_at_idx" ON "event"("host_unit_id", "starts_at");

-- CreateIndex
CREATE INDEX "announcement_status_scheduled_at_idx" ON "announcement"("status", "scheduled_at");

-- CreateIndex
CREATE INDEX "reminder_rule_active_due_at_idx" ON "reminder_rule"("active", "due_at");

-- CreateIndex
CREATE INDEX "campaign_calendar_entry_reviewing_unit_id_year_kind_idx" ON "campaign_calendar_entry"("reviewing_unit_id", "year", "kind");

-- CreateIndex
CREATE INDEX "unit_statistic_unit_id_year_idx" ON "unit_statistic"("unit_id", "year");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_at_idx" ON "audit_log"("entity_type", "entity_id", "at");

-- CreateIndex
CREATE INDEX "chat_user_cadre_id_idx" ON "chat_user"("cadre_id");

-- AddForeignKey
ALTER TABLE "chat_user" ADD CONSTRAINT "chat_user_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_parent_edge" ADD CONSTRAINT "unit_parent_edge_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_parent_edge" ADD CONSTRAINT "unit_parent_edge_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cadre" ADD CONSTRAINT "cadre_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cadre_role" ADD CONSTRAINT "cadre_role_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cadre_role" ADD CONSTRAINT "cadre_role_scope_unit_id_fkey" FOREIGN KEY ("scope_unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cadre_role" ADD CONSTRAINT "cadre_role_tier_code_fkey" FOREIGN KEY ("tier_code") REFERENCES "tier"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invite_code" ADD CONSTRAINT "invite_code_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration" ADD CONSTRAINT "registration_subject_unit_id_fkey" FOREIGN KEY ("subject_unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration" ADD CONSTRAINT "registration_contact_cadre_id_fkey" FOREIGN KEY ("contact_cadre_id") REFERENCES "cadre"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration" ADD CONSTRAINT "registration_replicates_registration_id_fkey" FOREIGN KEY ("replicates_registration_id") REFERENCES "registration"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration" ADD CONSTRAINT "registration_continues_from_id_fkey" FOREIGN KEY ("continues_from_id") REFERENCES "registration"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration_note" ADD CONSTRAINT "registration_note_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_submission" ADD CONSTRAINT "report_submission_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation" ADD CONSTRAINT "evaluation_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_tier_code_fkey" FOREIGN KEY ("tier_code") REFERENCES "tier"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_issuer_unit_id_fkey" FOREIGN KEY ("issuer_unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nomination" ADD CONSTRAINT "nomination_from_recognition_id_fkey" FOREIGN KEY ("from_recognition_id") REFERENCES "recognition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nomination" ADD CONSTRAINT "nomination_to_tier_code_fkey" FOREIGN KEY ("to_tier_code") REFERENCES "tier"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "award" ADD CONSTRAINT "award_recognition_id_fkey" FOREIGN KEY ("recognition_id") REFERENCES "recognition"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "award" ADD CONSTRAINT "award_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event" ADD CONSTRAINT "event_host_unit_id_fkey" FOREIGN KEY ("host_unit_id") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_calendar_entry" ADD CONSTRAINT "campaign_calendar_entry_reviewing_unit_id_fkey" FOREIGN KEY ("reviewing_unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_statistic" ADD CONSTRAINT "unit_statistic_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- ───────────── Hand-written: what Prisma cannot express ─────────────

-- The audit log is append-only: any UPDATE or DELETE raises, whoever runs it.
CREATE FUNCTION "audit_log_is_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Write a new audit row (e.g. admin_correct) instead of changing history.';
END;
$$;

CREATE TRIGGER "audit_log_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_is_append_only"();

-- TRUNCATE bypasses row triggers; refuse it too.
CREATE TRIGGER "audit_log_no_truncate"
  BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_is_append_only"();

-- Kỷ niệm chương "Vì sự nghiệp Dân vận": once per person. A name alone is not
-- enough to identify someone, so match on cadre id, or folded name + date of birth.
CREATE UNIQUE INDEX "award_ky_niem_chuong_once_per_cadre"
  ON "award" ("recipient_cadre_id")
  WHERE "form" = 'ky_niem_chuong' AND "recipient_cadre_id" IS NOT NULL;
CREATE UNIQUE INDEX "award_ky_niem_chuong_once_per_person"
  ON "award" ("recipient_name_folded", "recipient_birth_date")
  WHERE "form" = 'ky_niem_chuong' AND "recipient_birth_date" IS NOT NULL;

-- Closed vocabularies (statuses, roles, shares) are checked in bot/domain, not with
-- CHECK constraints: prisma 6.19.3's wasm engine crashes ("unreachable") introspecting
-- a shadow database that has them, which would break `npm run db:diff` for everyone.
