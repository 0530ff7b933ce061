-- AlterTable
ALTER TABLE "inbound_event" ADD COLUMN     "dead_lettered_at" TIMESTAMPTZ(3),
ADD COLUMN     "failure" TEXT;

-- CreateTable
CREATE TABLE "rejected_update" (
    "id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT,
    "body" JSONB,
    "raw_text" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rejected_update_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sent_part" (
    "idempotency_key" TEXT NOT NULL,
    "part" INTEGER NOT NULL,
    "platform_message_id" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sent_part_pkey" PRIMARY KEY ("idempotency_key","part")
);

-- CreateTable
CREATE TABLE "pace_slot" (
    "key" TEXT NOT NULL,
    "next_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pace_slot_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "rejected_update_received_at_idx" ON "rejected_update"("received_at");

-- CreateIndex
CREATE INDEX "sent_part_recorded_at_idx" ON "sent_part"("recorded_at");

-- Added by hand: the PostgreSQL twin of the Redis pacer's Lua scripts
-- (worker/outbound/pace-store.ts). Same algorithm, same store-side clock:
-- take the next slot that satisfies both the chat key and the credential key,
-- or report the wait when it is longer than max_wait_ms. Rows are locked in key
-- order so two reservations never deadlock.
CREATE FUNCTION dvk_pace_reserve(chat_key TEXT, cred_key TEXT, chat_interval_ms INTEGER, cred_interval_ms INTEGER, max_wait_ms INTEGER)
RETURNS TABLE (granted BOOLEAN, wait_ms BIGINT)
LANGUAGE plpgsql AS $$
DECLARE
  now_ts TIMESTAMPTZ := clock_timestamp();
  chat_next TIMESTAMPTZ;
  cred_next TIMESTAMPTZ;
  slot TIMESTAMPTZ;
  wait BIGINT;
BEGIN
  INSERT INTO pace_slot (key, next_at) VALUES (chat_key, '-infinity'), (cred_key, '-infinity') ON CONFLICT (key) DO NOTHING;
  PERFORM 1 FROM pace_slot WHERE key IN (chat_key, cred_key) ORDER BY key FOR UPDATE;
  SELECT next_at INTO chat_next FROM pace_slot WHERE key = chat_key;
  SELECT next_at INTO cred_next FROM pace_slot WHERE key = cred_key;
  slot := GREATEST(now_ts, chat_next, cred_next);
  wait := CEIL(EXTRACT(EPOCH FROM (slot - now_ts)) * 1000)::BIGINT;
  IF wait > max_wait_ms THEN
    RETURN QUERY SELECT FALSE, wait;
    RETURN;
  END IF;
  UPDATE pace_slot SET next_at = slot + make_interval(secs => chat_interval_ms / 1000.0) WHERE key = chat_key;
  UPDATE pace_slot SET next_at = slot + make_interval(secs => cred_interval_ms / 1000.0) WHERE key = cred_key;
  RETURN QUERY SELECT TRUE, wait;
END;
$$;

-- After a platform 429: nothing on `slot_key` starts before now + block_ms.
CREATE FUNCTION dvk_pace_block(slot_key TEXT, block_ms INTEGER)
RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO pace_slot (key, next_at) VALUES (slot_key, clock_timestamp() + make_interval(secs => block_ms / 1000.0))
  ON CONFLICT (key) DO UPDATE SET next_at = GREATEST(pace_slot.next_at, EXCLUDED.next_at);
END;
$$;
