import type { Queue } from 'bullmq';
import type { Logger } from '../../runtime/logger.js';
import type { Metrics } from '../../runtime/metrics.js';
import type { PrismaClient } from '../../runtime/database.js';
import { DEFAULT_JOB_OPTIONS } from '../../runtime/queues.js';
import { enqueueSends, type SendJobData } from './outbox.js';
import { markOutboundFailed, recipientOfOutbound, type SendOutboundOptions, type SendOutcome, type TakenOutboxRow } from './send-outbound.js';
import { isChannelSendError, type ChannelSendError } from './errors/channel-send.error.js';
import { RateLimitedError } from './errors/rate-limited.error.js';
import { pauseForRateLimit, sendErrorAction } from './send-error-action.js';
import { markOutboundUnreachable } from './recipient-status.js';
import type { Pacer } from './pacer.js';

export interface SendRepliesNowDeps {
  prisma: PrismaClient;
  sendOutbound: (outboundId: string, options?: SendOutboundOptions) => Promise<SendOutcome>;
  /** The send queue: where a reply goes when it cannot leave at once. */
  outbound: Queue<SendJobData>;
  /** The pacer the platform senders use: a platform 429 pauses the chat here as in the send worker. */
  pacer?: Pacer | null;
  logger: Logger;
  metrics?: Metrics;
}

/**
 * Sends a turn's replies right after its commit, in order, from the turn's own job:
 * a reply that can leave at once costs no send job (its enqueue, fetch and finish
 * were a third of the Redis round trips of a turn). The outbox row stays the truth:
 * it is taken and marked sent exactly as the send worker does (send-outbound.ts).
 *
 * The first reply that cannot go now is handed to the send queue with every reply
 * after it, by the rules of send-error-action.ts, so a turn never sleeps:
 * - its chat or credential must wait for a pacing slot → queued at once (the send
 *   worker waits for the slot);
 * - the platform said 429 → chat (or credential) paused, queued after the wait;
 * - the platform refused the recipient → marked unreachable, the row closed;
 * - the platform refused the request → the row failed;
 * - a transient failure → queued after the first back-off step;
 * - anything else (PostgreSQL, no sender for the channel) → queued at once.
 * A worker killed mid-send leaves the row pending and taken; the outbox relay
 * re-queues it after its taken-row lease (outbox-relay.ts).
 */
export function createSendRepliesNow(deps: SendRepliesNowDeps) {
  const backoffMs = (DEFAULT_JOB_OPTIONS.backoff as { delay: number }).delay;
  const handOver = async (id: bigint, error: unknown): Promise<{ delayMs: number; closed: boolean }> => {
    // Our own pacing (no slot free now) and failures outside the taxonomy: the send worker takes it from here.
    if (!isChannelSendError(error) || (error instanceof RateLimitedError && error.method === 'pace')) return { delayMs: 0, closed: false };
    const decision = sendErrorAction(error);
    const outboundId = String(id);
    const fields = { outboundId, channel: error.channel, kind: error.kind, method: error.method, code: error.platformCode, description: error.description };
    switch (decision.action) {
      case 'delay': {
        const paused = await pauseForRateLimit(decision, error, await recipientOfOutbound(deps.prisma, outboundId, error.channel), deps.pacer ?? undefined);
        deps.logger.warn({ ...fields, delayMs: decision.delayMs, paused }, 'rate limited; reply queued after the wait');
        return { delayMs: decision.delayMs, closed: false };
      }
      case 'mark-unreachable':
        await markOutboundUnreachable(deps.prisma, outboundId, await recipientOfOutbound(deps.prisma, outboundId, error.channel), decision.reason, error as ChannelSendError);
        deps.logger.info({ ...fields, reason: decision.reason }, 'recipient unreachable; not retried');
        return { delayMs: 0, closed: true };
      case 'fail':
        await markOutboundFailed(deps.prisma, outboundId, 'failed', error.message);
        deps.logger.error(fields, 'platform rejected the request; not retried');
        return { delayMs: 0, closed: true };
      case 'retry':
        deps.logger.warn(fields, 'send failed; reply queued for a retry with backoff');
        return { delayMs: backoffMs, closed: false };
    }
  };

  /** `taken`: rows the turn wrote as already taken (worker/inbound/turn-result.store.ts), sent without a take. */
  return async function sendRepliesNow(outboundIds: readonly bigint[], taken?: ReadonlyMap<bigint, TakenOutboxRow>): Promise<void> {
    for (const [index, id] of outboundIds.entries()) {
      let outcome: SendOutcome;
      try {
        const row = taken?.get(id);
        outcome = await deps.sendOutbound(String(id), row ? { paceWaitLimitMs: 0, taken: row } : { paceWaitLimitMs: 0 });
      } catch (error) {
        // If even the hand-over fails (PostgreSQL or Redis down), the rows stay pending and
        // the relay finds them; the turn itself is committed and is not run again.
        const { delayMs, closed } = await handOver(id, error).catch(() => ({ delayMs: backoffMs, closed: false }));
        await enqueueSends(deps.outbound, closed ? outboundIds.slice(index + 1) : outboundIds.slice(index), { firstDelayMs: closed ? 0 : delayMs });
        return;
      }
      if (outcome === 'sent') deps.metrics?.outbound.inc({ status: 'sent' });
    }
  };
}
