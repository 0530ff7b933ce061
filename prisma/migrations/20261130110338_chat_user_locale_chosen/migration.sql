-- AlterTable
ALTER TABLE "chat_user" ADD COLUMN     "locale_chosen" BOOLEAN NOT NULL DEFAULT false;
