import type { Recipient } from '../../bot/core/outbound-message.js';
import type { Db } from '../../runtime/database.js';
import type { ChannelSendError } from './errors/channel-send.error.js';
import type { UnreachableReason } from './errors/recipient-unreachable.error.js';

/** Records that a platform refused a recipient (`recipient_status`), so proactive sends can skip them. */
export async function markRecipientUnreachable(
  db: Pick<Db, 'recipientStatus'>,
  recipient: Recipient,
  reason: UnreachableReason,
  error: ChannelSendError,
  at: Date,
): Promise<void> {
  const data = { channel: recipient.channel, reason, detail: error.description.slice(0, 500), markedAt: at };
  await db.recipientStatus.upsert({ where: { userId: recipient.userId }, create: { userId: recipient.userId, ...data }, update: data });
}
