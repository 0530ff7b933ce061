import { isGroupChat, type InboundEvent } from '../../bot/core/inbound-event.js';

/**
 * The conversation a turn belongs to: the user's private chat, or (user, group) in a
 * group. A registration begun in private therefore never continues in a group, and
 * what a user starts in one group stays there.
 */
export function conversationKey(event: Pick<InboundEvent, 'userId' | 'chatId' | 'chatType'>): string {
  return isGroupChat(event) ? `${event.userId}@${event.chatId}` : event.userId;
}

/**
 * The event as if sent in the user's private chat (whose id is the user's own on
 * Telegram and Zalo Bot): a group's personal request answered there.
 */
export function privateTurnEvent(event: InboundEvent): InboundEvent {
  const { chatType: _group, addressed: _addressed, ...rest } = event;
  return { ...rest, eventId: `${event.eventId}.private`, chatId: event.userId };
}
