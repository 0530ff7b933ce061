-- CreateTable
CREATE TABLE "pace_hit" (
    "credential_key" TEXT NOT NULL,
    "chat_key" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pace_hit_pkey" PRIMARY KEY ("credential_key","chat_key")
);

-- CreateIndex
CREATE INDEX "pace_hit_credential_key_at_idx" ON "pace_hit"("credential_key", "at");
