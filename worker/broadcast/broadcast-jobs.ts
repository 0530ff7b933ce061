import type { Queue } from 'bullmq';

/** A broadcast's start (plan, then open the lanes) or one sending lane of one channel account. */
export type BroadcastJobData =
  | { type: 'start'; broadcastId: string; round: number }
  | { type: 'lane'; broadcastId: string; round: number; channelAccount: string; lane: number };

/** BullMQ job ids may not contain ":" (its key separator); channel accounts do. */
function safe(part: string): string {
  return part.replace(/[^A-Za-z0-9_-]/g, '-');
}

export function startJobId(broadcastId: string, round: number): string {
  return `bc-${safe(broadcastId)}-start-r${round}`;
}

export function laneJobId(broadcastId: string, round: number, channelAccount: string, lane: number): string {
  return `bc-${safe(broadcastId)}-${safe(channelAccount)}-r${round}-l${lane}`;
}

const ALIVE = new Set(['active', 'waiting', 'delayed', 'prioritized', 'waiting-children']);

/** Whether any of the jobs is still going to run (so nobody needs to add new ones). */
export async function anyAlive(queue: Queue<BroadcastJobData>, jobIds: string[]): Promise<boolean> {
  for (const id of jobIds) if (ALIVE.has(await queue.getJobState(id))) return true;
  return false;
}

/** Whether none of the jobs exists at all (first time for this round). */
export async function noneExists(queue: Queue<BroadcastJobData>, jobIds: string[]): Promise<boolean> {
  for (const id of jobIds) if ((await queue.getJobState(id)) !== 'unknown') return false;
  return true;
}

/** Lanes of one round: `lanes` jobs per channel account, each claiming rows with SKIP LOCKED. */
export function laneJobs(broadcastId: string, round: number, accounts: string[], lanes: number) {
  return accounts.flatMap((channelAccount) =>
    Array.from({ length: lanes }, (_, lane) => ({
      name: 'lane',
      data: { type: 'lane', broadcastId, round, channelAccount, lane } as BroadcastJobData,
      opts: { jobId: laneJobId(broadcastId, round, channelAccount, lane) },
    })),
  );
}
