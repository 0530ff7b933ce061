import { UnrecoverableError, type Worker } from 'bullmq';
import type { PrismaClient } from '../../runtime/database.js';
import type { Logger } from '../../runtime/logger.js';
import { QUEUE_NAMES, type QueueKit } from '../../runtime/queues.js';
import { UnknownChannelError, type SenderRegistry } from './channel-sender.js';
import type { SendJobData } from './outbox.js';
import { createSendOutbound, markOutboundFailed } from './send-outbound.js';

export interface SendWorkerDeps {
  queues: QueueKit;
  prisma: PrismaClient;
  senders: SenderRegistry;
  logger: Logger;
  /** Concurrent sends per process (default 8); platform pacing is applied per chat and credential. */
  concurrency?: number;
}

/** Drives the outbox: one job per outbound row (`out-<id>`). */
export function createSendWorker(deps: SendWorkerDeps): Worker<SendJobData> {
  const sendOutbound = createSendOutbound(deps);
  const worker = deps.queues.worker<SendJobData>(
    QUEUE_NAMES.outbound,
    async (job) => {
      try {
        return await sendOutbound(job.data.outboundId);
      } catch (error) {
        if (error instanceof UnknownChannelError) {
          await markOutboundFailed(deps.prisma, job.data.outboundId, 'failed', error.message);
          throw new UnrecoverableError(error.message);
        }
        throw error;
      }
    },
    { concurrency: deps.concurrency ?? 8 },
  );
  worker.on('failed', (job, error) => {
    if (!job) return;
    const finalAttempt = job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
    deps.logger.warn({ jobId: job.id, err: error.message, finalAttempt }, 'send failed');
    if (finalAttempt) void markOutboundFailed(deps.prisma, job.data.outboundId, 'failed', error.message);
  });
  return worker;
}
