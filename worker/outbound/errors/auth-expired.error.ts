import type { Channel } from '../../../bot/core/inbound-event.js';
import { ChannelSendError, type ChannelSendErrorOptions } from './channel-send.error.js';

/** The credential was refused: refresh it (Zalo OA) and retry; static tokens need an operator. */
export class AuthExpiredError extends ChannelSendError {
  override readonly name = 'AuthExpiredError';
  readonly kind = 'auth_expired' as const;

  constructor(channel: Channel, options: ChannelSendErrorOptions) {
    super(
      channel,
      options,
      channel === 'zalo-oa'
        ? 'the OA access token is refreshed with the stored refresh token and the send retried; if refreshing fails, re-authorise the OA (docs/channels.md)'
        : `the bot token was refused; check ${channel === 'telegram' ? 'TELEGRAM_BOT_TOKEN' : 'ZALO_BOT_TOKEN'} (it may have been reset)`,
    );
  }
}
