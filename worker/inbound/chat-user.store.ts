import { isGroupChat, type InboundEvent } from '../../bot/core/inbound-event.js';
import { CHAT_ROLES, type ChatIdentity, type ChatRole } from '../../bot/core/identity.js';
import { normalizeLocale } from '../../bot/i18n/translator.js';
import { chooseReplyLocale } from '../../bot/i18n/reply-locale.js';
import type { Db } from '../../runtime/database.js';
import { platformIdOfUserId } from '../../bot/core/channel-account.js';

/**
 * Records that a user wrote (the Zalo OA free-reply window is measured from the
 * last inbound) and returns who they are, with the language to answer in
 * (bot/i18n/reply-locale.ts): their explicit choice, else the language of this
 * message, else the conversation's so far, else the platform's hint.
 */
export async function touchChatUser(db: Db, event: InboundEvent, defaultLocale: 'vi' | 'en'): Promise<ChatIdentity> {
  // Keyed by (account, platform id): `telegram:ward-a:1` is ward A's bot's user 1 (bot/core/channel-account.ts).
  const platformUserId = platformIdOfUserId(event.userId);
  const isInteraction = event.kind !== 'unfollow';
  const existing = await db.chatUser.findUnique({ where: { id: event.userId }, select: { locale: true, localeChosen: true } });
  const locale = chooseReplyLocale({
    chosen: existing?.localeChosen ? normalizeLocale(existing.locale, defaultLocale) : null,
    text: event.kind === 'text' || event.kind === 'image' || event.kind === 'document' ? event.text : undefined,
    previous: existing ? normalizeLocale(existing.locale, defaultLocale) : null,
    languageCode: event.languageCode,
    defaultLocale,
  });
  // `chatId` is where private replies and notifications go: a group is never that. Both
  // platforms' private chat id is the user id (namespaced the same way).
  const privateChatId = isGroupChat(event) ? event.userId : event.chatId;
  const row = await db.chatUser.upsert({
    where: { id: event.userId },
    create: {
      id: event.userId,
      channel: event.channel,
      platformUserId,
      ...(event.account ? { account: event.account } : {}),
      chatId: privateChatId,
      locale,
      displayName: event.displayName ?? null,
      lastInboundAt: isInteraction ? new Date(event.at) : null,
    },
    update: {
      ...(isGroupChat(event) ? {} : { chatId: event.chatId }),
      ...(isInteraction ? { lastInboundAt: new Date(event.at) } : {}),
      ...(event.displayName ? { displayName: event.displayName } : {}),
      ...(existing && existing.locale !== locale ? { locale } : {}),
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
