import type { InboundEvent } from '../../bot/core/inbound-event.js';
import { CHAT_ROLES, type ChatIdentity, type ChatRole } from '../../bot/core/identity.js';
import { normalizeLocale } from '../../bot/i18n/translator.js';
import type { Db } from '../../runtime/database.js';

/**
 * Records that a user wrote (the Zalo OA free-reply window is measured from the
 * last inbound) and returns who they are. New users start as residents in the
 * default language, or the platform's language hint.
 */
export async function touchChatUser(db: Db, event: InboundEvent, defaultLocale: 'vi' | 'en'): Promise<ChatIdentity> {
  const platformUserId = event.userId.slice(event.channel.length + 1);
  const isInteraction = event.kind !== 'unfollow';
  const row = await db.chatUser.upsert({
    where: { id: event.userId },
    create: {
      id: event.userId,
      channel: event.channel,
      platformUserId,
      chatId: event.chatId,
      locale: normalizeLocale(event.languageCode, defaultLocale),
      displayName: event.displayName ?? null,
      lastInboundAt: isInteraction ? new Date(event.at) : null,
    },
    update: {
      chatId: event.chatId,
      ...(isInteraction ? { lastInboundAt: new Date(event.at) } : {}),
      ...(event.displayName ? { displayName: event.displayName } : {}),
    },
  });
  return toIdentity(row);
}

export function toIdentity(row: {
  id: string;
  role: string;
  unitId: string | null;
  locale: string;
  displayName: string | null;
}): ChatIdentity {
  const role: ChatRole = (CHAT_ROLES as readonly string[]).includes(row.role) ? (row.role as ChatRole) : 'resident';
  return { userId: row.id, role, unitId: row.unitId, locale: normalizeLocale(row.locale), displayName: row.displayName };
}
