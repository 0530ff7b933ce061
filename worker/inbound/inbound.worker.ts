import type { Worker } from 'bullmq';
import { inboundEventSchema, type InboundEvent } from '../../bot/core/inbound-event.js';
import type { ConversationEngine } from '../../bot/conversation/conversation-engine.js';
import type { PrismaClient } from '../../runtime/database.js';
import type { Db } from '../../runtime/database.js';
import type { BotServices } from '../../bot/services.js';
import type { Logger } from '../../runtime/logger.js';
import { QUEUE_NAMES, type QueueKit } from '../../runtime/queues.js';
import { enqueueSends, type SendJobData } from '../outbound/outbox.js';
import { createInboundProcessor } from './process-inbound.js';
import type { Metrics } from '../../runtime/metrics.js';

export interface InboundWorkerDeps {
  queues: QueueKit;
  prisma: PrismaClient;
  bot: ConversationEngine;
  logger: Logger;
  defaultLocale: 'vi' | 'en';
  /** Builds the features' services on each turn's transaction. */
  createServices: (db: Db) => BotServices;
  metrics?: Metrics;
  /** Turns processed at once per process (default 8); one user's turns never overlap. */
  concurrency?: number;
}

/** Runs the conversation for each inbound event, then queues the replies for sending. */
export function createInboundWorker(deps: InboundWorkerDeps): Worker<InboundEvent> {
  const processInbound = createInboundProcessor(deps);
  const outbound = deps.queues.queue<SendJobData>(QUEUE_NAMES.outbound);
  const worker = deps.queues.worker<InboundEvent>(
    QUEUE_NAMES.inbound,
    async (job) => {
      const event = inboundEventSchema.parse(job.data);
      const stopTimer = deps.metrics?.turnSeconds.startTimer();
      const outcome = await processInbound(job.id!, event);
      stopTimer?.();
      deps.metrics?.turns.inc({ outcome: outcome.status });
      await enqueueSends(outbound, outcome.outboundIds);
      return { status: outcome.status, replies: outcome.outboundIds.length };
    },
    // A turn is one transaction, so re-running a job whose worker died is safe:
    // allow a few crashes before BullMQ gives up on it (its default is one).
    { concurrency: deps.concurrency ?? 8, maxStalledCount: 3 },
  );
  worker.on('failed', (job, error) => {
    deps.metrics?.turns.inc({ outcome: 'failed' });
    deps.logger.error({ jobId: job?.id, err: error.message, attempts: job?.attemptsMade }, 'inbound turn failed');
  });
  return worker;
}
