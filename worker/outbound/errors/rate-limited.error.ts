import type { Channel } from '../../../bot/core/inbound-event.js';
import { ChannelSendError, type ChannelSendErrorOptions } from './channel-send.error.js';

/**
 * Who is being throttled: `chat` = our own per-chat pacing (only that conversation
 * must wait), `credential` = the platform throttled the whole bot/OA (every send
 * with that credential must wait).
 */
export type RateLimitScope = 'chat' | 'credential';

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
    this.scope = options.scope ?? 'credential';
  }
}
