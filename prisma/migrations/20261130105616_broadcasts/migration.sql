-- DropTable
DROP TABLE "announcement";

-- CreateTable
CREATE TABLE "broadcast" (
    "id" TEXT NOT NULL,
    "author_cadre_id" TEXT NOT NULL,
    "author_user_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "scheduled_at" TIMESTAMPTZ(3),
    "expected_count" INTEGER NOT NULL DEFAULT 0,
    "needs_approval" BOOLEAN NOT NULL DEFAULT false,
    "approved_by" TEXT,
    "approved_at" TIMESTAMPTZ(3),
    "planned_at" TIMESTAMPTZ(3),
    "round" INTEGER NOT NULL DEFAULT 0,
    "finished_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "broadcast_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "broadcast_recipient" (
    "id" BIGSERIAL NOT NULL,
    "broadcast_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "channel_account" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "state" TEXT NOT NULL DEFAULT 'queued',
    "skip_reason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "platform_message_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "error" TEXT,
    "idempotency_key" TEXT NOT NULL,
    "claimed_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "broadcast_recipient_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "broadcast_status_scheduled_at_idx" ON "broadcast"("status", "scheduled_at");

-- CreateIndex
CREATE UNIQUE INDEX "broadcast_recipient_idempotency_key_key" ON "broadcast_recipient"("idempotency_key");

-- CreateIndex
CREATE INDEX "broadcast_recipient_broadcast_id_state_channel_account_idx" ON "broadcast_recipient"("broadcast_id", "state", "channel_account");

-- CreateIndex
CREATE UNIQUE INDEX "broadcast_recipient_broadcast_id_user_id_key" ON "broadcast_recipient"("broadcast_id", "user_id");

-- AddForeignKey
ALTER TABLE "broadcast_recipient" ADD CONSTRAINT "broadcast_recipient_broadcast_id_fkey" FOREIGN KEY ("broadcast_id") REFERENCES "broadcast"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the states and reasons are a closed vocabulary (worker/broadcast/recipient-state.ts).
-- Closed vocabularies are checked in code, not with CHECK constraints: prisma 6.19.3's wasm engine
-- crashes introspecting a shadow database that has one (see the domain_core migration).
