import type { Queue } from 'bullmq';
import type { Db } from '../../runtime/database.js';
import { anyAlive, laneJobs, noneExists, startJobId, type BroadcastJobData } from './broadcast-jobs.js';

export interface BroadcastSchedulerOptions {
  /** Lanes per channel account (default 2): rows are claimed with SKIP LOCKED, so lanes never overlap. */
  lanesPerAccount?: number;
  /** Rows left `sending` longer than this are claimable again (must match the lanes' lease; default 120 s). */
  claimLeaseMs?: number;
}

/**
 * Turns PostgreSQL's truth into queue jobs, idempotently: a start job (delayed until
 * the broadcast is due) for a scheduled broadcast, and lane jobs for a sending one
 * with claimable rows. Job ids carry the broadcast's `round`; when the round's jobs
 * are all finished yet work remains (a worker died, resume, retry-failed), the round
 * is bumped with a conditional UPDATE so that only one process adds the next jobs.
 */
export function createBroadcastScheduler(db: Db, queue: Queue<BroadcastJobData>, options: BroadcastSchedulerOptions = {}) {
  const lanes = options.lanesPerAccount ?? 2;
  const leaseMs = options.claimLeaseMs ?? 120_000;

  async function nextRound(broadcastId: string, round: number): Promise<number | null> {
    const bumped = await db.broadcast.updateMany({ where: { id: broadcastId, round }, data: { round: round + 1 } });
    return bumped.count === 1 ? round + 1 : null;
  }

  async function ensureStart(b: { id: string; round: number; scheduledAt: Date | null }, now: Date): Promise<void> {
    const delay = Math.max(0, (b.scheduledAt?.getTime() ?? 0) - now.getTime());
    const add = (round: number) => queue.add('start', { type: 'start', broadcastId: b.id, round }, { jobId: startJobId(b.id, round), delay });
    const ids = [startJobId(b.id, b.round)];
    if (await anyAlive(queue, ids)) return;
    if (await noneExists(queue, ids)) return void (await add(b.round));
    const round = await nextRound(b.id, b.round);
    if (round !== null) await add(round);
  }

  async function claimableAccounts(broadcastId: string): Promise<string[]> {
    // Queued rows, and claims or sends left by a dead worker past the lease (a lane
    // re-claims the former and declares the latter uncertain).
    const rows = await db.$queryRaw<Array<{ channel_account: string }>>`
      SELECT DISTINCT channel_account FROM broadcast_recipient
      WHERE broadcast_id = ${broadcastId}
        AND (state = 'queued' OR (state IN ('claimed', 'sending') AND claimed_at < now() - make_interval(secs => ${leaseMs / 1000})))`;
    return rows.map((r) => r.channel_account).sort();
  }

  /** Opens lanes for every channel account with claimable rows, unless this round's lanes still run. */
  async function ensureLanes(broadcastId: string): Promise<void> {
    const b = await db.broadcast.findUnique({ where: { id: broadcastId }, select: { round: true, status: true } });
    if (b?.status !== 'sending') return;
    const accounts = await claimableAccounts(broadcastId);
    if (accounts.length === 0) return;
    const jobs = laneJobs(broadcastId, b.round, accounts, lanes);
    const ids = jobs.map((j) => j.opts.jobId);
    if (await anyAlive(queue, ids)) return;
    if (await noneExists(queue, ids)) return void (await queue.addBulk(jobs));
    const round = await nextRound(broadcastId, b.round);
    if (round !== null) await queue.addBulk(laneJobs(broadcastId, round, accounts, lanes));
  }

  /** One pass over what PostgreSQL says should be happening (start-up and every sweep tick). */
  async function sweep(now: Date): Promise<void> {
    const scheduled = await db.broadcast.findMany({ where: { status: 'scheduled' }, select: { id: true, round: true, scheduledAt: true } });
    for (const b of scheduled) await ensureStart(b, now);
    const sending = await db.broadcast.findMany({ where: { status: 'sending' }, select: { id: true } });
    for (const b of sending) await ensureLanes(b.id);
  }

  return { ensureStart, ensureLanes, sweep };
}

export type BroadcastScheduler = ReturnType<typeof createBroadcastScheduler>;
