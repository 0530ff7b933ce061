-- Issue 14.1: ward channel accounts. Existing chat users are the environment's `default` account (column default).
-- DropIndex
DROP INDEX "chat_user_channel_platform_user_id_key";

-- AlterTable
ALTER TABLE "chat_user" ADD COLUMN     "account" TEXT NOT NULL DEFAULT 'default';

-- CreateTable
CREATE TABLE "channel_account" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "credentials" TEXT NOT NULL,
    "webhook_secret" TEXT,
    "oa_tokens" TEXT,
    "username" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "channel_account_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "channel_account_unit_id_idx" ON "channel_account"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "channel_account_kind_slug_key" ON "channel_account"("kind", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "chat_user_channel_account_platform_user_id_key" ON "chat_user"("channel", "account", "platform_user_id");
