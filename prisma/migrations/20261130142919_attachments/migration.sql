-- CreateTable
CREATE TABLE "attachment" (
    "id" TEXT NOT NULL,
    "owner_user_id" TEXT NOT NULL,
    "registration_id" TEXT,
    "report_id" TEXT,
    "kind" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "channel" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "attachment_registration_id_idx" ON "attachment"("registration_id");

-- CreateIndex
CREATE INDEX "attachment_report_id_idx" ON "attachment"("report_id");

-- CreateIndex
CREATE INDEX "attachment_owner_user_id_created_at_idx" ON "attachment"("owner_user_id", "created_at");

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "registration"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "report_submission"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Photos, PDFs and Office files are compressed already: store them out of line without
-- another compression pass (Prisma cannot express this; it does not track it either).
ALTER TABLE "attachment" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;
