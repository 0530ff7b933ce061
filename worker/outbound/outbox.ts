import type { Queue } from 'bullmq';

export interface SendJobData {
  outboundId: string;
}

/** BullMQ-safe job id for one outbound row: no ":" and never purely numeric. */
export function sendJobId(outboundId: bigint | string): string {
  return `out-${outboundId}`;
}

/**
 * Queues one send job per outbound row. The job id makes re-enqueueing the same
 * row (relay, retried inbound job) a no-op while the job exists.
 */
export async function enqueueSends(queue: Queue<SendJobData>, outboundIds: Array<bigint | string>): Promise<void> {
  if (outboundIds.length === 0) return;
  await queue.addBulk(
    outboundIds.map((id) => ({
      name: 'send',
      data: { outboundId: String(id) },
      opts: { jobId: sendJobId(id) },
    })),
  );
}
