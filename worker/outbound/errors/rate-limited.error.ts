import type { Channel } from '../../../bot/core/inbound-event.js';
import { ChannelSendError, type ChannelSendErrorOptions } from './channel-send.error.js';

/**
 * Who is being throttled:
 * - `chat`: our own pacing said "not yet" for this chat: only this job waits;
 * - `platform`: the platform answered 429 on a send to one chat without saying
 *   why: the pacer pauses that chat, and the whole credential only when several
 *   chats are refused at once (Pacer.rateLimited);
 * - `credential`: the platform said the whole bot/OA is over its rate (Zalo OA
 *   -32 "app reached limit call api", -211 OA quota): every send with it waits.
 */
export type RateLimitScope = 'chat' | 'platform' | 'credential';

/** The platform (or our pacer) says "too fast": wait and retry without burning an attempt. */
export class RateLimitedError extends ChannelSendError {
  override readonly name = 'RateLimitedError';
  readonly kind = 'rate_limited' as const;
  readonly scope: RateLimitScope;

  constructor(channel: Channel, options: ChannelSendErrorOptions & { scope?: RateLimitScope }) {
    super(
      channel,
      options,
      options.retryAfterMs === undefined
        ? 'the platform gave no wait hint; the job waits the configured default and retries'
        : `the job waits ${options.retryAfterMs} ms and retries`,
    );
    this.scope = options.scope ?? 'platform';
  }
}
