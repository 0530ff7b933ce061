-- CreateTable
CREATE TABLE "channel_credential" (
    "id" TEXT NOT NULL,
    "access_token" TEXT NOT NULL,
    "refresh_token" TEXT NOT NULL,
    "access_token_expires_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "channel_credential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recipient_status" (
    "user_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT,
    "marked_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "recipient_status_pkey" PRIMARY KEY ("user_id")
);
