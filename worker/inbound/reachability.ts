import { isGroupChat, type InboundEvent } from '../../bot/core/inbound-event.js';
import type { Db } from '../../runtime/database.js';

/**
 * A user who writes to us again (or follows again) is reachable again, whatever a
 * platform said before; an unfollow makes them unreachable until they come back.
 * Kept in `recipient_status`, which proactive sends consult.
 */
export async function recordReachability(db: Db, event: InboundEvent): Promise<void> {
  if (event.kind === 'unfollow') {
    const data = { channel: event.channel, reason: 'unfollowed', detail: null, markedAt: new Date(event.at) };
    await db.recipientStatus.upsert({ where: { userId: event.userId }, create: { userId: event.userId, ...data }, update: data });
    return;
  }
  // Writing in a group says nothing about the private chat: a user who blocked the
  // bot there stays unreachable for private messages.
  if (isGroupChat(event)) return;
  await db.recipientStatus.deleteMany({ where: { userId: event.userId } });
}
