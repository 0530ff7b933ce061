import type { Recipient } from '../../bot/core/outbound-message.js';
import type { Db, PrismaClient } from '../../runtime/database.js';
import { markOutboundFailed } from './send-outbound.js';
import { platformId } from '../channels/send-parts.js';
import type { ChannelSendError } from './errors/channel-send.error.js';
import type { UnreachableReason } from './errors/recipient-unreachable.error.js';

/**
 * Records that a platform refused a recipient (`recipient_status`), so proactive
 * sends can skip them. The row is keyed by WHAT was refused: a private chat is the
 * user (`telegram:123`); a group chat is the group (`telegram:-100987`, the chat id
 * namespaced like a user id), because "bot was kicked from the group chat" says
 * nothing about the user who wrote there — they stay reachable in private.
 */
export async function markRecipientUnreachable(
  db: Pick<Db, 'recipientStatus'>,
  recipient: Recipient,
  reason: UnreachableReason,
  error: ChannelSendError,
  at: Date,
): Promise<void> {
  const key = unreachableKey(recipient);
  const data = { channel: recipient.channel, reason, detail: error.description.slice(0, 500), markedAt: at };
  await db.recipientStatus.upsert({ where: { userId: key }, create: { userId: key, ...data }, update: data });
}

/** The namespaced id a refusal is recorded under: the user for a private chat, the chat for a group. */
export function unreachableKey(recipient: Recipient): string {
  const chat = platformId(recipient.channel, recipient.chatId);
  const user = platformId(recipient.channel, recipient.userId);
  return chat === user ? recipient.userId : `${recipient.channel}:${chat}`;
}

/** A reply the platform refused for good: the recipient is marked and the row closed with the reason. */
export async function markOutboundUnreachable(prisma: PrismaClient, outboundId: string, recipient: Recipient, reason: UnreachableReason, error: ChannelSendError): Promise<void> {
  await markRecipientUnreachable(prisma, recipient, reason, error, new Date());
  await markOutboundFailed(prisma, outboundId, reason === 'outside_window' ? 'outside_window' : 'unreachable', error.message);
}
