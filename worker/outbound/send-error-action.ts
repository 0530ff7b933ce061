import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Recipient } from '../../bot/core/outbound-message.js';
import { isChannelSendError, type ChannelSendError } from './errors/channel-send.error.js';
import { RateLimitedError } from './errors/rate-limited.error.js';
import { RecipientUnreachableError, type UnreachableReason } from './errors/recipient-unreachable.error.js';
import type { Pacer } from './pacer.js';
import { platformId } from '../channels/send-parts.js';
import { accountOfUserId } from '../../bot/core/channel-account.js';

/**
 * The one place where the error taxonomy becomes a queue action:
 *
 * | kind                  | action                                                                 | attempt burned |
 * |-----------------------|------------------------------------------------------------------------|----------------|
 * | rate_limited          | chat (or credential) paused in the pacer, job delayed by retryAfter      | no            |
 * | recipient_unreachable | recipient marked, job failed with UnrecoverableError                   | —              |
 * | auth_expired          | (the adapter already refreshed once) retried with backoff              | yes            |
 * | bad_request           | failed with UnrecoverableError, platform description logged           | —              |
 * | transient             | retried with the job's exponential backoff                             | yes            |
 *
 * Why `moveToDelayed` + `DelayedError` rather than `worker.rateLimit()`: the
 * latter only takes effect on a worker created with a `limiter` (BullMQ checks
 * the limiter key only when `limiter.max` is set), and on a queue shared by all
 * channels it would also stop Zalo sends because Telegram said 429.
 *
 * What a 429 pauses (issue 12 item 3): a platform 429 on one chat pauses THAT
 * chat for every worker (Pacer.rateLimited), because the limits a paced bot meets
 * are per chat (platforms.md §3.3) — other users' replies go out at once. Only
 * when several chats are refused within seconds, or the platform says the whole
 * app is over its rate (Zalo OA -32), does the credential pause. The same on both
 * queue backends: the pacer runs on Redis or PostgreSQL.
 */
export type SendErrorAction =
  /** `pause`: nothing (our own pacing), the chat (or credential if many chats are refused), or the credential. */
  | { action: 'delay'; delayMs: number; pause: 'none' | 'chat' | 'credential' }
  | { action: 'mark-unreachable'; reason: UnreachableReason }
  | { action: 'fail' }
  | { action: 'retry' };

export interface SendErrorActionOptions {
  /** Wait used when the platform gave no hint (Zalo 429, OA -32). Default 30 s. */
  defaultRateLimitDelayMs?: number;
}

export function sendErrorAction(error: ChannelSendError, options: SendErrorActionOptions = {}): SendErrorAction {
  switch (error.kind) {
    case 'rate_limited': {
      const scope = error instanceof RateLimitedError ? error.scope : 'platform';
      const pause = scope === 'chat' ? 'none' : scope === 'platform' ? 'chat' : 'credential';
      return { action: 'delay', delayMs: error.retryAfterMs ?? options.defaultRateLimitDelayMs ?? 30_000, pause };
    }
    case 'recipient_unreachable':
      return { action: 'mark-unreachable', reason: error instanceof RecipientUnreachableError ? error.reason : 'blocked' };
    case 'bad_request':
      return { action: 'fail' };
    case 'auth_expired':
    case 'transient':
      return { action: 'retry' };
  }
}

export interface ApplySendErrorContext {
  job: Job;
  /** The worker's lock token for `job` (the processor's second argument). */
  token: string | undefined;
  recipient: Recipient;
  pacer?: Pacer;
  logger: Pick<Logger, 'warn' | 'error' | 'info'>;
  /** Records that the recipient cannot be reached (e.g. sets a flag on the user/recipient row). */
  markUnreachable: (recipient: Recipient, reason: UnreachableReason, error: ChannelSendError) => Promise<void>;
  now?: () => number;
  options?: SendErrorActionOptions;
}

/**
 * Performs the queue action for `error` and always throws, so the processor can
 * `catch (e) { await applySendError(e, ctx) }`. Non-taxonomy errors are rethrown
 * unchanged (they are retried with backoff like transient ones).
 */
export async function applySendError(error: unknown, ctx: ApplySendErrorContext): Promise<never> {
  if (!isChannelSendError(error)) throw error;
  const decision = sendErrorAction(error, ctx.options);
  const logFields = { jobId: ctx.job.id, channel: error.channel, kind: error.kind, method: error.method, code: error.platformCode, description: error.description };
  switch (decision.action) {
    case 'delay': {
      const paused = await pauseForRateLimit(decision, error, ctx.recipient, ctx.pacer);
      ctx.logger.warn({ ...logFields, delayMs: decision.delayMs, paused }, 'rate limited; send delayed without using an attempt');
      await ctx.job.moveToDelayed((ctx.now ?? Date.now)() + decision.delayMs, ctx.token);
      throw new DelayedError();
    }
    case 'mark-unreachable':
      await ctx.markUnreachable(ctx.recipient, decision.reason, error);
      ctx.logger.info({ ...logFields, reason: decision.reason }, 'recipient unreachable; not retried');
      throw new UnrecoverableError(error.message);
    case 'fail':
      ctx.logger.error(logFields, 'platform rejected the request; not retried');
      throw new UnrecoverableError(error.message);
    case 'retry':
      ctx.logger.warn(logFields, 'send failed; retried with backoff');
      throw error;
  }
}

/**
 * The pacer side of a `delay` decision: pauses the chat (or the whole credential when
 * several chats were refused, or the platform said so) for every worker. Shared by the
 * send worker (above) and a reply sent from its turn (send-replies-now.ts).
 */
export async function pauseForRateLimit(
  decision: Extract<SendErrorAction, { action: 'delay' }>,
  error: ChannelSendError,
  recipient: Recipient,
  pacer: Pacer | undefined,
): Promise<'none' | 'chat' | 'credential'> {
  // The bot / OA the recipient wrote to is the credential that was refused.
  const credential = accountOfUserId(recipient.userId);
  if (decision.pause === 'credential') {
    await pacer?.block(error.channel, decision.delayMs, credential);
    return 'credential';
  }
  if (decision.pause === 'chat' && pacer) return pacer.rateLimited(error.channel, platformId(error.channel, recipient.chatId), decision.delayMs, credential);
  return 'none';
}
