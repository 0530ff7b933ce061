import type { Db } from '../../runtime/database.js';

/**
 * Milliseconds until the next queued row of this account that waits out a 429
 * (`not_before`) may be claimed, or null when none waits. At least 100 ms, so a
 * lane delayed by it never busy-loops.
 */
export async function nextHeldRowInMs(db: Db, broadcastId: string, channelAccount: string): Promise<number | null> {
  const [row] = await db.$queryRaw<Array<{ ms: number | null }>>`
    SELECT (extract(epoch FROM min(not_before) - now()) * 1000)::float8 AS ms FROM broadcast_recipient
    WHERE broadcast_id = ${broadcastId} AND channel_account = ${channelAccount} AND state = 'queued' AND not_before IS NOT NULL`;
  if (!row || row.ms === null) return null;
  return Math.max(100, Math.ceil(row.ms));
}
