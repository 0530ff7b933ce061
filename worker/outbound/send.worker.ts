import { UnrecoverableError, type Worker } from 'bullmq';
import type { PrismaClient } from '../../runtime/database.js';
import type { Logger } from '../../runtime/logger.js';
import { QUEUE_NAMES, type QueueKit } from '../../runtime/queues.js';
import { UnknownChannelError, type SenderRegistry } from './channel-sender.js';
import type { SendJobData } from './outbox.js';
import { createSendOutbound, markOutboundFailed, recipientOfOutbound } from './send-outbound.js';
import { isChannelSendError } from './errors/channel-send.error.js';
import type { Pacer } from './pacer.js';
import { markOutboundUnreachable } from './recipient-status.js';
import { applySendError } from './send-error-action.js';
import type { Metrics } from '../../runtime/metrics.js';

export interface SendWorkerDeps {
  queues: QueueKit;
  prisma: PrismaClient;
  senders: SenderRegistry;
  logger: Logger;
  /** Concurrent sends per process (default 8); platform pacing is applied per chat and credential. */
  concurrency?: number;
  /** Cross-process pacing (Redis); a platform 429 blocks the credential here for every worker. */
  pacer?: Pacer | null;
  metrics?: Metrics;
}

/** Drives the outbox: one job per outbound row (`out-<id>`). */
export function createSendWorker(deps: SendWorkerDeps): Worker<SendJobData> {
  const sendOutbound = createSendOutbound(deps);
  const worker = deps.queues.worker<SendJobData>(
    QUEUE_NAMES.outbound,
    async (job, token) => {
      try {
        return await sendOutbound(job.data.outboundId);
      } catch (error) {
        if (error instanceof UnknownChannelError) {
          await markOutboundFailed(deps.prisma, job.data.outboundId, 'failed', error.message);
          throw new UnrecoverableError(error.message);
        }
        // Error taxonomy → queue action (worker/outbound/send-error-action.ts):
        // delay without an attempt, mark unreachable, fail, or retry with backoff.
        if (isChannelSendError(error)) {
          const recipient = await recipientOfOutbound(deps.prisma, job.data.outboundId, error.channel);
          return applySendError(error, {
            job,
            token,
            recipient,
            pacer: deps.pacer ?? undefined,
            logger: deps.logger,
            markUnreachable: (to, reason, cause) => markOutboundUnreachable(deps.prisma, job.data.outboundId, to, reason, cause),
          });
        }
        throw error;
      }
    },
    { concurrency: deps.concurrency ?? 8 },
  );
  worker.on('completed', (job, result) => {
    if (result === 'sent') deps.metrics?.outbound.inc({ status: 'sent' });
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    const finalAttempt = job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
    if (finalAttempt) deps.metrics?.outbound.inc({ status: 'failed' });
    deps.logger.warn({ jobId: job.id, err: error.message, finalAttempt }, 'send failed');
    // An event handler: a rejection here (PostgreSQL gone, shutting down) would be unhandled and end the process.
    if (finalAttempt) {
      markOutboundFailed(deps.prisma, job.data.outboundId, 'failed', error.message).catch((cause: unknown) =>
        deps.logger.warn({ jobId: job.id, err: (cause as Error).message }, 'could not mark the outbox row failed; the relay leaves it pending'),
      );
    }
  });
  return worker;
}
