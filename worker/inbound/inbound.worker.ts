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
import type { Translator } from '../../bot/i18n/translator.js';
import { cleanDeep } from '../../bot/core/clean-text.js';
import { classifyFailure } from '../../runtime/store-errors.js';
import { createDeadLetter } from './dead-letter.js';
import type { TurnServiceContext } from '../store/bot-services.js';
import type { SenderRegistry } from '../outbound/channel-sender.js';
import type { Pacer } from '../outbound/pacer.js';
import { createSendOutbound, type TakenOutboxRow } from '../outbound/send-outbound.js';
import { createSendRepliesNow } from '../outbound/send-replies-now.js';

export interface InboundWorkerDeps {
  queues: QueueKit;
  prisma: PrismaClient;
  bot: ConversationEngine;
  /** For the apology of a dead-lettered turn. */
  translator: Translator;
  logger: Logger;
  defaultLocale: 'vi' | 'en';
  /** Builds the features' services on each turn's transaction. */
  createServices: (db: Db, turn?: TurnServiceContext) => BotServices;
  metrics?: Metrics;
  /** Turns processed at once per process (default 8); one user's turns never overlap. */
  concurrency?: number;
  /**
   * The platform senders. When given (the worker role), a turn sends its replies itself
   * right after commit and queues only those that cannot leave at once
   * (worker/outbound/send-replies-now.ts); without it every reply is queued.
   */
  senders?: SenderRegistry;
  /** The senders' pacer: a platform 429 met by such a reply pauses the chat for every worker. */
  pacer?: Pacer | null;
}

/**
 * Runs the conversation for each inbound event, then queues the replies for
 * sending. A failure is retried with backoff only when it is transient (store
 * down, conflict, lock timeout); a DATA failure (bad SQL input, schema parse, a
 * bug throwing on this input) is dead-lettered at once with an apology to the
 * user (dead-letter.ts), so it never blocks or delays the user's next message.
 */
export function createInboundWorker(deps: InboundWorkerDeps): Worker<InboundEvent> {
  // With senders, the turn writes its replies already taken and sends them itself after commit.
  const processInbound = createInboundProcessor({ ...deps, takeReplies: deps.senders !== undefined });
  const deadLetter = createDeadLetter(deps);
  const outbound = deps.queues.queue<SendJobData>(QUEUE_NAMES.outbound);
  const sendRepliesNow = deps.senders
    ? createSendRepliesNow({ prisma: deps.prisma, sendOutbound: createSendOutbound({ prisma: deps.prisma, senders: deps.senders }), outbound, pacer: deps.pacer, logger: deps.logger, metrics: deps.metrics })
    : (ids: bigint[], _taken?: Map<bigint, TakenOutboxRow>) => enqueueSends(outbound, ids);
  const worker = deps.queues.worker<InboundEvent>(
    QUEUE_NAMES.inbound,
    async (job) => {
      const stopTimer = deps.metrics?.turnSeconds.startTimer();
      let outcome: { status: 'processed' | 'duplicate' | 'dead-lettered'; outboundIds: bigint[]; taken?: Map<bigint, TakenOutboxRow> };
      try {
        // Jobs queued before ingress cleaned strings (or by another producer) are cleaned here too.
        const event = inboundEventSchema.parse(cleanDeep(job.data));
        outcome = await processInbound(job.id!, event);
      } catch (error) {
        if (classifyFailure(error) !== 'data') throw error;
        outcome = { status: 'dead-lettered', outboundIds: await deadLetter(job.id!, job.data, error) };
      }
      stopTimer?.();
      deps.metrics?.turns.inc({ outcome: outcome.status });
      await sendRepliesNow(outcome.outboundIds, outcome.taken);
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
