import type { Channel } from '../../../bot/core/inbound-event.js';
import { ChannelSendError, type ChannelSendErrorOptions } from './channel-send.error.js';

/**
 * Why a recipient cannot be reached. `outside_window` is Zalo OA's reply window
 * (48 h free, 7 days for consultation messages); the others are the user's choice
 * or state, so retrying can never help. `kicked`: the bot was removed from a group
 * chat (the group is marked, not the user who wrote there).
 */
export type UnreachableReason = 'blocked' | 'kicked' | 'unfollowed' | 'outside_window' | 'not_found' | 'deactivated';

/** Blocked, unfollowed, deleted or outside the OA window: mark the recipient, never retry. */
export class RecipientUnreachableError extends ChannelSendError {
  override readonly name = 'RecipientUnreachableError';
  readonly kind = 'recipient_unreachable' as const;
  readonly reason: UnreachableReason;

  constructor(channel: Channel, options: ChannelSendErrorOptions & { reason: UnreachableReason }) {
    super(
      channel,
      options,
      options.reason === 'outside_window'
        ? 'the user has not written within the reply window; wait for them to write again or use a template/ZNS route'
        : 'the recipient is marked unreachable; they must write to the bot again before we can send',
    );
    this.reason = options.reason;
  }
}
