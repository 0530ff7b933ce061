import type { Db } from '../../runtime/database.js';

export interface BroadcastProgress {
  total: number;
  /** Rows per state (queued, sending, sent, failed_permanent, failed_temporary, skipped, stopped). */
  byState: Record<string, number>;
  /** Rows per channel and state. */
  byChannel: Record<string, Record<string, number>>;
  /** Skipped rows per reason. */
  skipped: Record<string, number>;
}

/** Live counts straight from the recipient rows (the truth), one grouped query. */
export async function broadcastProgress(db: Db, broadcastId: string): Promise<BroadcastProgress> {
  const rows = await db.$queryRaw<Array<{ channel: string; state: string; skip_reason: string | null; n: number }>>`
    SELECT channel, state, skip_reason, count(*)::int AS n FROM broadcast_recipient WHERE broadcast_id = ${broadcastId} GROUP BY 1, 2, 3`;
  const progress: BroadcastProgress = { total: 0, byState: {}, byChannel: {}, skipped: {} };
  for (const row of rows) {
    progress.total += row.n;
    progress.byState[row.state] = (progress.byState[row.state] ?? 0) + row.n;
    const channel = (progress.byChannel[row.channel] ??= {});
    channel[row.state] = (channel[row.state] ?? 0) + row.n;
    if (row.skip_reason) progress.skipped[row.skip_reason] = (progress.skipped[row.skip_reason] ?? 0) + row.n;
  }
  return progress;
}
