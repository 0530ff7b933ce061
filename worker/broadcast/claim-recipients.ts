import { sqlOf, type Db } from '../../runtime/database.js';
import { Prisma } from '../../prisma/generated/client.js';

/** Rows come back from the driver with int8 as text (runtime/sql/sql-runner.ts). */
const claimed = (rows: Array<ClaimedRecipient & { id: bigint | string }>): ClaimedRecipient[] => rows.map((row) => ({ ...row, id: BigInt(row.id) }));

export interface ClaimedRecipient {
  id: bigint;
  user_id: string;
  channel: string;
  chat_id: string;
  audience: string;
  locale: string;
  idempotency_key: string;
  attempts: number;
  rate_limits: number;
}

/**
 * Claims up to `limit` rows of one channel account: queued rows whose `not_before` has
 * passed, and rows left `claimed` longer than the lease by a worker that died before
 * sending them (nothing of theirs left, so claiming them again is safe). Claimed rows are
 * NOT on the wire: each becomes `sending` only right before its own request
 * (`markOnWire`). UPDATE … RETURNING with SKIP LOCKED lets any number of lanes and
 * processes claim side by side without ever taking the same row.
 */
export async function claimRecipients(db: Db, broadcastId: string, channelAccount: string, leaseMs: number, limit: number): Promise<ClaimedRecipient[]> {
  // Straight on the driver (runtime/sql/sql-runner.ts): these run once per row a lane sends.
  return claimed(await sqlOf(db).rows<ClaimedRecipient>(Prisma.sql`
    UPDATE broadcast_recipient r SET state = 'claimed', claimed_at = now(), attempts = r.attempts + 1
    WHERE r.id IN (
      SELECT id FROM broadcast_recipient
      WHERE broadcast_id = ${broadcastId} AND channel_account = ${channelAccount}
        AND ((state = 'queued' AND (not_before IS NULL OR not_before <= now()))
          OR (state = 'claimed' AND claimed_at < now() - make_interval(secs => ${leaseMs / 1000})))
      ORDER BY id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING r.id, r.user_id, r.channel, r.chat_id, r.audience, r.locale, r.idempotency_key, r.attempts, r.rate_limits`));
}

/**
 * Rows left `sending` past the lease: their worker died with the request on the wire
 * (or after the platform answered but before `sent` was written). Whether the citizen
 * got the message cannot be known — Telegram and Zalo take no idempotency key and have
 * no "was this delivered" call — so the row becomes `uncertain`: never resent
 * automatically (that could be a duplicate), never counted as sent (that could hide a
 * loss). Staff see the count and may resend them ("gửi lại tin chưa chắc chắn").
 */
export async function settleStaleSends(db: Db, broadcastId: string, leaseMs: number, channelAccount?: string): Promise<ClaimedRecipient[]> {
  return claimed(await sqlOf(db).rows<ClaimedRecipient>(Prisma.sql`
    UPDATE broadcast_recipient SET state = 'uncertain',
      error = 'worker stopped while the request was at the platform; delivery unknown'
    WHERE broadcast_id = ${broadcastId} AND state = 'sending'
      AND (${channelAccount ?? null}::text IS NULL OR channel_account = ${channelAccount ?? null})
      AND claimed_at < now() - make_interval(secs => ${leaseMs / 1000})
    RETURNING id, user_id, channel, chat_id, audience, locale, idempotency_key, attempts, rate_limits`));
}

/**
 * An unsubscribe during a running broadcast takes effect for rows not yet sent: of the
 * claimed residents, those no longer actively subscribed are skipped (opted_out).
 * Returns the ids skipped.
 */
export async function skipOptedOut(db: Db, ids: bigint[]): Promise<Set<bigint>> {
  if (ids.length === 0) return new Set();
  const rows = await sqlOf(db).rows<{ id: bigint | string }>(Prisma.sql`
    UPDATE broadcast_recipient r SET state = 'skipped', skip_reason = 'opted_out'
    WHERE r.id = ANY(${ids}::bigint[]) AND r.state = 'claimed' AND r.audience = 'resident'
      AND NOT EXISTS (
        SELECT 1 FROM subscriber s WHERE s.user_id = r.user_id AND NOT s.blocked AND s.opted_in_at IS NOT NULL
          AND (s.opted_out_at IS NULL OR s.opted_out_at < s.opted_in_at))
    RETURNING r.id`);
  return new Set(rows.map((r) => BigInt(r.id)));
}

/**
 * Right before a request leaves for the platform: `claimed` → `sending` in its own
 * committed statement, only if this lane still holds the row. `attempts` is the fencing
 * token: a row re-claimed by another lane after the lease has a higher count, and a row
 * stopped meanwhile is no longer `claimed`; either way this lane must not send. A later
 * part of a split message finds the row already `sending` and renews the time.
 */
export async function markOnWire(db: Db, row: Pick<ClaimedRecipient, 'id' | 'attempts'>): Promise<boolean> {
  // Raw, one statement: Prisma wraps updateMany in BEGIN … COMMIT (three round trips), and
  // this runs once per row a lane sends (docs/broadcasts.md, Speed).
  const touched = await sqlOf(db).rows(Prisma.sql`
    UPDATE broadcast_recipient SET state = 'sending', claimed_at = now()
    WHERE id = ${row.id} AND state IN ('claimed', 'sending') AND attempts = ${row.attempts}
    RETURNING id`);
  return touched.length === 1;
}

/**
 * Final (or back-to-queue) states are written only over this lane's own claim, so a
 * stop or a second lane never gets overwritten. `sent` also lands on a row already
 * declared `uncertain`: a very slow platform answer did arrive, so now it is certain.
 */
export async function settleRecipient(
  db: Db,
  row: Pick<ClaimedRecipient, 'id' | 'attempts'>,
  state: 'sent' | 'failed_permanent' | 'failed_temporary' | 'queued' | 'skipped' | 'uncertain',
  fields: { platformMessageIds?: string[]; error?: string; skipReason?: string; notBefore?: Date; rateLimited?: boolean } = {},
): Promise<void> {
  const from = state === 'sent' ? ['claimed', 'sending', 'uncertain'] : ['claimed', 'sending'];
  const sent = state === 'sent';
  // Raw, one statement, for the same reason as markOnWire. A field left undefined keeps its value.
  await sqlOf(db).rows(Prisma.sql`
    UPDATE broadcast_recipient SET
      state = ${state},
      sent_at = CASE WHEN ${sent}::boolean THEN now() ELSE sent_at END,
      platform_message_ids = CASE WHEN ${sent}::boolean THEN ${fields.platformMessageIds ?? []}::text[] ELSE platform_message_ids END,
      error = CASE WHEN ${fields.error !== undefined}::boolean THEN ${fields.error?.slice(0, 1_000) ?? null}::text WHEN ${sent}::boolean THEN NULL ELSE error END,
      skip_reason = CASE WHEN ${fields.skipReason !== undefined}::boolean THEN ${fields.skipReason ?? null}::text ELSE skip_reason END,
      not_before = CASE WHEN ${fields.notBefore !== undefined}::boolean THEN ${fields.notBefore ?? null}::timestamptz ELSE not_before END,
      rate_limits = rate_limits + ${fields.rateLimited ? 1 : 0}::int
    WHERE id = ${row.id} AND state = ANY(${from}::text[]) AND attempts = ${row.attempts}`);
}

/**
 * `sent` for a Zalo OA row together with one more broadcast in the follower's monthly
 * quota (`oaMonth`, "YYYY-MM" in Asia/Ho_Chi_Minh; see oa-monthly-quota.ts), in ONE
 * statement: one round trip instead of two per OA row, and the count moves only when
 * this lane's row did become `sent`.
 */
export async function settleOaSent(db: Db, row: Pick<ClaimedRecipient, 'id' | 'attempts'>, platformMessageIds: string[], oaMonth: string): Promise<void> {
  await sqlOf(db).rows(Prisma.sql`
    WITH marked AS (
      UPDATE broadcast_recipient SET state = 'sent', sent_at = now(), platform_message_ids = ${platformMessageIds}::text[], error = NULL
      WHERE id = ${row.id} AND state IN ('claimed', 'sending', 'uncertain') AND attempts = ${row.attempts}
      RETURNING user_id)
    UPDATE subscriber s SET
      broadcasts_this_month = CASE WHEN s.broadcasts_month = ${oaMonth} THEN s.broadcasts_this_month + 1 ELSE 1 END,
      broadcasts_month = ${oaMonth}
    FROM marked WHERE s.user_id = marked.user_id`);
}
