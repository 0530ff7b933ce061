import type { Channel } from '../../../bot/core/inbound-event.js';
import { ChannelSendError, type ChannelSendErrorOptions } from './channel-send.error.js';

/** The platform rejected what we sent; retrying the same request cannot help. */
export class BadRequestError extends ChannelSendError {
  override readonly name = 'BadRequestError';
  readonly kind = 'bad_request' as const;

  constructor(channel: Channel, options: ChannelSendErrorOptions) {
    super(channel, options, 'the message is failed without retry; read the platform description above and fix the request or the configuration');
  }
}
