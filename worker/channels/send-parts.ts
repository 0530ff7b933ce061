import type { Channel } from '../../bot/core/inbound-event.js';
import type { Pacer } from '../outbound/pacer.js';
import { RateLimitedError } from '../outbound/errors/rate-limited.error.js';
import type { SentPartsLog } from '../outbound/sent-parts.js';
import type { SendOptions } from '../outbound/channel-sender.js';

export interface SendPartsInput<P> {
  channel: Channel;
  /** Platform chat id (not namespaced): the pacing key. */
  chatId: string;
  parts: P[];
  idempotencyKey: string;
  /** Runs right before each part's request (after pacing); a rejection aborts the send. */
  beforeRequest?: (part: number) => Promise<void>;
  /** No earlier attempt of this key exists: the ledger is not read (SendOptions.firstAttempt). */
  firstAttempt?: boolean;
  /** The caller records the last part (SendOptions.callerRecordsLastPart). */
  callerRecordsLastPart?: boolean;
  /** Longest pacing sleep (SendOptions.paceWaitLimitMs); default the pacer's own. */
  paceWaitLimitMs?: number;
  pacer?: Pacer;
  /** The channel account's slug: its own pacing (per credential and per chat). Default `default`. */
  credential?: string;
  sentParts: SentPartsLog;
  /** Sends one part; resolves with the platform's message id only after the platform acknowledged it. */
  sendOne: (part: P, index: number) => Promise<string>;
}

/**
 * Sends the parts in order, skipping those already acknowledged by an earlier
 * attempt, each after taking a pacing slot. A slot too far off becomes a
 * chat-scoped RateLimitedError so the job is delayed without burning an attempt.
 */
export async function sendParts<P>(input: SendPartsInput<P>): Promise<{ platformMessageIds: string[] }> {
  const ids: string[] = [];
  for (const [index, part] of input.parts.entries()) {
    const already = input.firstAttempt ? undefined : await input.sentParts.get(input.idempotencyKey, index);
    if (already !== undefined) {
      ids.push(already);
      continue;
    }
    if (input.pacer) {
      const decision = await input.pacer.acquire(input.channel, input.chatId, input.credential, input.paceWaitLimitMs);
      if (!decision.granted) {
        throw new RateLimitedError(input.channel, {
          method: 'pace',
          description: `chat ${input.chatId} is paced; next slot in ${decision.retryAfterMs} ms`,
          retryAfterMs: decision.retryAfterMs,
          scope: 'chat',
        });
      }
    }
    await input.beforeRequest?.(index);
    const id = await input.sendOne(part, index);
    const last = index === input.parts.length - 1;
    if (!(last && input.callerRecordsLastPart)) await input.sentParts.record(input.idempotencyKey, index, id);
    ids.push(id);
  }
  return { platformMessageIds: ids };
}

/** `telegram:123` (or `telegram:<account>:123`) → `123`; a bare id passes through. Recipients may carry either form. */
export function platformId(channel: Channel, id: string): string {
  return id.startsWith(`${channel}:`) ? id.slice(id.lastIndexOf(':') + 1) : id;
}

/** "1. Label\n2. Label" — how options look where a platform has no buttons. */
export function numberedOptions(labels: string[]): string {
  return labels.map((label, i) => `${i + 1}. ${label}`).join('\n');
}

/** The part of a sender's SendOptions that `sendParts` acts on, so adapters pass it on whole. */
export function sendPartsOptions(options: SendOptions): Pick<SendPartsInput<unknown>, 'idempotencyKey' | 'beforeRequest' | 'firstAttempt' | 'callerRecordsLastPart' | 'paceWaitLimitMs'> {
  return {
    idempotencyKey: options.idempotencyKey,
    beforeRequest: options.beforeRequest,
    firstAttempt: options.firstAttempt,
    callerRecordsLastPart: options.callerRecordsLastPart,
    paceWaitLimitMs: options.paceWaitLimitMs,
  };
}
