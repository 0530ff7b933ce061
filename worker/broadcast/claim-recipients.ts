import type { Db } from '../../runtime/database.js';

export interface ClaimedRecipient {
  id: bigint;
  user_id: string;
  channel: string;
  chat_id: string;
  audience: string;
  locale: string;
  idempotency_key: string;
  attempts: number;
}

/**
 * Claims up to `limit` rows of one channel account before sending them: queued rows,
 * and rows left `sending` longer than the lease by a worker that died mid-send. The
 * UPDATE … RETURNING with SKIP LOCKED lets any number of lanes and processes claim
 * side by side without ever taking the same row.
 */
export async function claimRecipients(db: Db, broadcastId: string, channelAccount: string, leaseMs: number, limit: number): Promise<ClaimedRecipient[]> {
  const staleBefore = new Date(Date.now() - leaseMs);
  return db.$queryRaw<ClaimedRecipient[]>`
    UPDATE broadcast_recipient r SET state = 'sending', claimed_at = now(), attempts = r.attempts + 1
    WHERE r.id IN (
      SELECT id FROM broadcast_recipient
      WHERE broadcast_id = ${broadcastId} AND channel_account = ${channelAccount}
        AND (state = 'queued' OR (state = 'sending' AND claimed_at < ${staleBefore}))
      ORDER BY id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING r.id, r.user_id, r.channel, r.chat_id, r.audience, r.locale, r.idempotency_key, r.attempts`;
}

/**
 * An unsubscribe during a running broadcast takes effect for rows not yet sent: of the
 * claimed residents, those no longer actively subscribed are skipped (opted_out).
 * Returns the ids skipped.
 */
export async function skipOptedOut(db: Db, ids: bigint[]): Promise<Set<bigint>> {
  if (ids.length === 0) return new Set();
  const rows = await db.$queryRaw<Array<{ id: bigint }>>`
    UPDATE broadcast_recipient r SET state = 'skipped', skip_reason = 'opted_out'
    WHERE r.id = ANY(${ids}::bigint[]) AND r.state = 'sending' AND r.audience = 'resident'
      AND NOT EXISTS (
        SELECT 1 FROM subscriber s WHERE s.user_id = r.user_id AND NOT s.blocked AND s.opted_in_at IS NOT NULL
          AND (s.opted_out_at IS NULL OR s.opted_out_at < s.opted_in_at))
    RETURNING r.id`;
  return new Set(rows.map((r) => r.id));
}

/**
 * Right before a send: renews the claim, only if this lane still holds it. `attempts`
 * is the fencing token: a row re-claimed by another lane after the lease has a higher
 * count, and the lane that lost it must not send (it would be a second copy).
 */
export async function stillMine(db: Db, row: Pick<ClaimedRecipient, 'id' | 'attempts'>): Promise<boolean> {
  const touched = await db.broadcastRecipient.updateMany({ where: { id: row.id, state: 'sending', attempts: row.attempts }, data: { claimedAt: new Date() } });
  return touched.count === 1;
}

/** Final states are written only over this lane's own claim (a stop or a second lane never gets overwritten). */
export async function settleRecipient(
  db: Db,
  row: Pick<ClaimedRecipient, 'id' | 'attempts'>,
  state: 'sent' | 'failed_permanent' | 'failed_temporary' | 'queued' | 'skipped',
  fields: { platformMessageIds?: string[]; error?: string; skipReason?: string } = {},
): Promise<void> {
  await db.broadcastRecipient.updateMany({
    where: { id: row.id, state: 'sending', attempts: row.attempts },
    data: {
      state,
      ...(state === 'sent' ? { sentAt: new Date(), platformMessageIds: fields.platformMessageIds ?? [] } : {}),
      ...(fields.error !== undefined ? { error: fields.error.slice(0, 1_000) } : {}),
      ...(fields.skipReason !== undefined ? { skipReason: fields.skipReason } : {}),
    },
  });
}
