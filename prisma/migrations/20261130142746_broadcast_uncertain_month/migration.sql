-- AlterTable
ALTER TABLE "broadcast_recipient" ADD COLUMN     "not_before" TIMESTAMPTZ(3),
ADD COLUMN     "rate_limits" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "subscriber" ADD COLUMN     "broadcasts_month" TEXT;
