-- AlterTable
ALTER TABLE "outbound_message" ADD COLUMN     "file" JSONB;

-- CreateTable
CREATE TABLE "export_file" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "created_for_user_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "export_file_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "export_file_expires_at_idx" ON "export_file"("expires_at");

-- Appended by hand: only the two kinds the channels know how to send.
-- Closed vocabularies are checked in code, not with CHECK constraints: prisma 6.19.3's wasm engine
-- crashes introspecting a shadow database that has one (see the domain_core migration).
