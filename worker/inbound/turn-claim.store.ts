import type { InboundEvent } from '../../bot/core/inbound-event.js';
import type { SqlRunner } from '../../runtime/sql/sql-runner.js';
import { Prisma } from '../../prisma/generated/client.js';

/**
 * Claims the update's id in `inbound_event` and, when this turn got it, takes the
 * per-user lock (two messages of one user are answered in turn, never interleaved
 * on the same draft) — one statement. False: an earlier delivery has (or is
 * committing) it; the lock is then not taken.
 */
export async function claimEventAndLockUser(sql: SqlRunner, jobId: string, event: InboundEvent): Promise<boolean> {
  const rows = await sql.rows<{ id: string }>(Prisma.sql`
    WITH claim AS (
      INSERT INTO inbound_event (id, channel, user_id, kind, payload, received_at)
      VALUES (${jobId}, ${event.channel}, ${event.userId}, ${event.kind}, ${JSON.stringify(event)}::jsonb, now())
      ON CONFLICT (id) DO NOTHING
      RETURNING id
    )
    SELECT claim.id FROM claim, LATERAL (SELECT pg_advisory_xact_lock(hashtext(${event.userId}))) AS locked`, { prepare: true });
  return rows.length === 1;
}
