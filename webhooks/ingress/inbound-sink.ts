import type { Queue } from 'bullmq';
import type { InboundEvent } from '../../bot/core/inbound-event.js';
import { inboundJobId } from './inbound-job-id.js';
import { QueueUnavailableError } from './queue-unavailable.error.js';
import { withTimeout } from '../../runtime/queues.js';

/** Where every channel's ingress hands over a parsed update. */
export interface InboundSink {
  /**
   * Queues the event under its deterministic job id. Resolves once the queue store
   * has it (only then may the route answer 200); rejects with QueueUnavailableError.
   * A redelivery resolves too: the job id absorbs it, and the worker's
   * `inbound_event` table makes processing exactly-once.
   */
  accept(event: InboundEvent): Promise<{ jobId: string }>;
}

export interface InboundSinkOptions {
  /** How long to wait for the queue store before answering 503 (default 3 s; platforms time out at ~10 s). */
  timeoutMs?: number;
}

export function createQueueInboundSink(queue: Queue<InboundEvent>, options: InboundSinkOptions = {}): InboundSink {
  const timeoutMs = options.timeoutMs ?? 3_000;
  return {
    async accept(event) {
      const jobId = inboundJobId(event.channel, event.eventId);
      try {
        await withTimeout(queue.add('turn', event, { jobId }), timeoutMs, 'The queue store');
      } catch (error) {
        throw new QueueUnavailableError(error);
      }
      return { jobId };
    },
  };
}
