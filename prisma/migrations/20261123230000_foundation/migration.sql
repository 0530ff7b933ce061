-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "chat_user" (
    "id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "platform_user_id" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'resident',
    "unit_id" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "display_name" TEXT,
    "last_inbound_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "chat_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversation_state" (
    "user_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "flow" TEXT,
    "step" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "last_buttons" JSONB,
    "expires_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conversation_state_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "inbound_event" (
    "id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "inbound_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbound_message" (
    "id" BIGSERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "buttons" JSONB,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "platform_message_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "error" TEXT,
    "in_reply_to" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbound_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tier" (
    "code" TEXT NOT NULL,
    "label_vi" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL,
    "retired_on" DATE,
    "note" TEXT,

    CONSTRAINT "tier_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "unit" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "org_kind" TEXT,
    "parent_id" TEXT,
    "valid_from" DATE,
    "valid_to" DATE,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "note" TEXT,
    "predecessors_unverified" BOOLEAN NOT NULL DEFAULT false,
    "successors_unverified" BOOLEAN NOT NULL DEFAULT false,
    "predecessor_district_id" TEXT,

    CONSTRAINT "unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_lineage" (
    "from_unit_id" TEXT NOT NULL,
    "to_unit_id" TEXT NOT NULL,
    "share" TEXT NOT NULL,

    CONSTRAINT "unit_lineage_pkey" PRIMARY KEY ("from_unit_id","to_unit_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "chat_user_channel_platform_user_id_key" ON "chat_user"("channel", "platform_user_id");

-- CreateIndex
CREATE INDEX "inbound_event_user_id_received_at_idx" ON "inbound_event"("user_id", "received_at");

-- CreateIndex
CREATE INDEX "outbound_message_user_id_id_idx" ON "outbound_message"("user_id", "id");

-- CreateIndex
CREATE INDEX "outbound_message_status_created_at_idx" ON "outbound_message"("status", "created_at");

-- CreateIndex
CREATE INDEX "unit_parent_id_idx" ON "unit"("parent_id");

-- AddForeignKey
ALTER TABLE "unit" ADD CONSTRAINT "unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_lineage" ADD CONSTRAINT "unit_lineage_from_unit_id_fkey" FOREIGN KEY ("from_unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_lineage" ADD CONSTRAINT "unit_lineage_to_unit_id_fkey" FOREIGN KEY ("to_unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
