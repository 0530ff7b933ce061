import type { PrismaClient } from '../../runtime/database.js';
import type { Logger } from '../../runtime/logger.js';
import { QUEUE_NAMES, type QueueKit } from '../../runtime/queues.js';
import { enqueueSends, type SendJobData } from './outbox.js';

export interface OutboxRelayOptions {
  /** How often to look for stranded rows (default 15 s). */
  intervalMs?: number;
  /** A pending row older than this is re-queued (default 10 s). */
  staleAfterMs?: number;
  /**
   * A pending row already taken by a sender (attempts > 0) is re-queued only once it is
   * this old (default 120 s): a reply being sent from its turn has no job, and re-queueing
   * it while its request is still at the platform would send it twice. Longer than a
   * send's timeout over a split message's parts.
   */
  takenLeaseMs?: number;
}

/**
 * Safety net for the gap between committing replies and queueing their sends: a
 * worker killed in that gap leaves rows `pending` with no job. The relay re-queues
 * them; the deterministic job id makes this harmless when the job does exist.
 */
export function startOutboxRelay(deps: { prisma: PrismaClient; queues: QueueKit; logger: Logger }, options: OutboxRelayOptions = {}) {
  const intervalMs = options.intervalMs ?? 15_000;
  const staleAfterMs = options.staleAfterMs ?? 10_000;
  const takenLeaseMs = options.takenLeaseMs ?? 120_000;
  const outbound = deps.queues.queue<SendJobData>(QUEUE_NAMES.outbound);
  let running: Promise<void> | null = null;
  const tick = async () => {
    const now = Date.now();
    const stale = await deps.prisma.outboundMessage.findMany({
      where: {
        status: 'pending',
        createdAt: { lt: new Date(now - staleAfterMs) },
        OR: [{ attempts: 0 }, { createdAt: { lt: new Date(now - takenLeaseMs) } }],
      },
      select: { id: true },
      orderBy: { id: 'asc' },
      take: 500,
    });
    await enqueueSends(outbound, stale.map((row) => row.id));
    if (stale.length > 0) deps.logger.info({ count: stale.length }, 'outbox relay re-queued pending replies');
  };
  const timer = setInterval(() => {
    if (running) return;
    running = tick()
      .catch((error: unknown) => deps.logger.warn({ err: (error as Error).message }, 'outbox relay tick failed'))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
