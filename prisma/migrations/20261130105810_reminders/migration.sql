-- AlterTable
ALTER TABLE "reminder_rule" ADD COLUMN     "cancelled_at" TIMESTAMPTZ(3),
ADD COLUMN     "created_by" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'report_due';

-- CreateTable
CREATE TABLE "reminder_firing" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "recipient_id" TEXT NOT NULL,
    "occurrence" TEXT NOT NULL,
    "rule_id" TEXT,
    "status" TEXT NOT NULL,
    "fire_at" TIMESTAMPTZ(3) NOT NULL,
    "fired_at" TIMESTAMPTZ(3) NOT NULL,
    "outbound_id" BIGINT,

    CONSTRAINT "reminder_firing_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "reminder_firing_target_id_idx" ON "reminder_firing"("target_id");

-- CreateIndex
CREATE UNIQUE INDEX "reminder_firing_kind_target_id_recipient_id_occurrence_key" ON "reminder_firing"("kind", "target_id", "recipient_id", "occurrence");

-- Appended by hand: the two states a firing row may have.
-- Closed vocabularies are checked in code, not with CHECK constraints: prisma 6.19.3's wasm engine
-- crashes introspecting a shadow database that has one (see the domain_core migration).
