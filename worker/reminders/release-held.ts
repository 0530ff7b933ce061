import type { Db } from '../../runtime/database.js';

/**
 * Releases what was written during quiet hours to go out at its window's end (event
 * change notices): firings `held` whose `fire_at` has come become `sent` and their outbox
 * rows `pending`, in one statement, so two sweeps at once release each row once.
 * Returns the outbox ids to queue.
 */
export async function releaseHeldFirings(db: Db, now: Date): Promise<bigint[]> {
  const rows = await db.$queryRaw<Array<{ id: bigint }>>`
    WITH released AS (
      UPDATE reminder_firing SET status = 'sent', fired_at = ${now}
      WHERE status = 'held' AND fire_at <= ${now}
      RETURNING outbound_id
    )
    UPDATE outbound_message SET status = 'pending'
    WHERE status = 'held' AND id IN (SELECT outbound_id FROM released WHERE outbound_id IS NOT NULL)
    RETURNING id`;
  return rows.map((r) => r.id);
}
