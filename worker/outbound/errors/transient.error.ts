import type { Channel } from '../../../bot/core/inbound-event.js';
import { ChannelSendError, type ChannelSendErrorOptions } from './channel-send.error.js';

/** Network failure, timeout or 5xx: retry with exponential backoff. */
export class TransientError extends ChannelSendError {
  override readonly name = 'TransientError';
  readonly kind = 'transient' as const;

  constructor(channel: Channel, options: ChannelSendErrorOptions) {
    super(channel, options, 'retried with exponential backoff; if it persists, check the platform status and the API root setting');
  }
}
