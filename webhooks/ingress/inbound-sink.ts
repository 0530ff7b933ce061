import type { Queue } from 'bullmq';
import { cleanDeep } from '../../bot/core/clean-text.js';
import type { Channel, InboundEvent } from '../../bot/core/inbound-event.js';
import { createBatchedEnqueue } from './batched-enqueue.js';
import { inboundJobId } from './inbound-job-id.js';
import { QueueUnavailableError } from './queue-unavailable.error.js';
import { UnusableUpdateError } from './unusable-update.error.js';
import { classifyFailure, describeFailure } from '../../runtime/store-errors.js';

/** Why an authentic update was not queued (`rejected_update.reason`, metric label). */
export type RejectionReason = 'not_an_update' | 'unreadable' | 'unstorable';

export interface RejectedUpdate {
  channel: Channel;
  reason: RejectionReason;
  /** Short, log-safe explanation (parser reason, SQLSTATE). */
  detail: string;
  /** The cleaned JSON body, when there was one. */
  body?: unknown;
  /** The raw text, when the body was not JSON. */
  rawText?: string;
}

/** Where every channel's ingress hands over a parsed update. */
export interface InboundSink {
  /**
   * Queues the event under its deterministic job id. Resolves once the queue store
   * has it (only then may the route answer 200); rejects with QueueUnavailableError
   * when the store is down, UnusableUpdateError when it refused the data.
   * A redelivery resolves too: the job id absorbs it, and the worker's
   * `inbound_event` table makes processing exactly-once.
   */
  accept(event: InboundEvent): Promise<{ jobId: string }>;
  /**
   * Keeps an authentic but unusable update for a later look (log, metric,
   * `rejected_update` row). Optional so that test sinks need not implement it;
   * the application's sink always does (webhooks/ingress/rejected-updates.ts).
   */
  reject?(update: RejectedUpdate): Promise<void>;
}

export interface InboundSinkOptions {
  /** How long to wait for the queue store before answering 503 (default 3 s; platforms time out at ~10 s). */
  timeoutMs?: number;
}

/**
 * The application's sink: concurrent updates share one round trip to the queue
 * store (webhooks/ingress/batched-enqueue.ts), each answered only once its own job is stored.
 */
export function createQueueInboundSink(queue: Queue<InboundEvent>, options: InboundSinkOptions = {}): InboundSink {
  const enqueue = createBatchedEnqueue(queue, { name: 'turn', timeoutMs: options.timeoutMs ?? 3_000 });
  return {
    async accept(raw) {
      // Every channel, the console and the pollers pass here: whatever a parser
      // let through, no string reaches Redis or PostgreSQL with a NUL or a lone surrogate.
      const event = cleanDeep(raw);
      const jobId = inboundJobId(event.channel, event.eventId);
      try {
        await enqueue(event, jobId);
      } catch (error) {
        if (classifyFailure(error) === 'data') throw new UnusableUpdateError(describeFailure(error), error);
        throw new QueueUnavailableError(error);
      }
      return { jobId };
    },
  };
}
