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
ALTER TABLE "export_file" ADD CONSTRAINT "export_file_kind_check" CHECK ("kind" IN ('document', 'image'));
