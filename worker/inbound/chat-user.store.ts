import { isGroupChat, type InboundEvent } from '../../bot/core/inbound-event.js';
import { CHAT_ROLES, type ChatIdentity, type ChatRole } from '../../bot/core/identity.js';
import { replyLocaleOptions } from '../../bot/i18n/reply-locale.js';
import { normalizeLocale } from '../../bot/i18n/translator.js';
import { sqlOf, type Db } from '../../runtime/database.js';
import { DEFAULT_ACCOUNT, platformIdOfUserId } from '../../bot/core/channel-account.js';
import { Prisma } from '../../prisma/generated/client.js';

/**
 * Records that a user wrote (the Zalo OA free-reply window is measured from the last
 * inbound) and yields who they are, as two CTEs (`upserted`, `reachable`) for the
 * turn's context statement (worker/inbound/turn-context.store.ts); the key of
 * `chat_user` is decided here and nowhere else. The reply language
 * (bot/i18n/reply-locale.ts: their explicit choice, else the language of this message,
 * else the conversation's so far, else the platform's hint) is applied inside the
 * upsert, on the row as it is under the turn's lock, so no read goes first.
 * A private message also makes the user reachable again (worker/inbound/reachability.ts).
 * `onlyIf`: an SQL condition on the statement's other CTEs; when false, neither CTE writes
 * (the turn's fast path: only once its event is claimed and its lock taken).
 */
export function touchChatUserSql(event: InboundEvent, defaultLocale: 'vi' | 'en', onlyIf: Prisma.Sql = Prisma.sql`true`): Prisma.Sql {
  // Keyed by (account, platform id): `telegram:ward-a:1` is ward A's bot's user 1 (bot/core/channel-account.ts).
  const platformUserId = platformIdOfUserId(event.userId);
  const isInteraction = event.kind !== 'unfollow';
  const group = isGroupChat(event);
  const locales = replyLocaleOptions({
    text: event.kind === 'text' || event.kind === 'image' || event.kind === 'document' ? event.text : undefined,
    languageCode: event.languageCode,
    defaultLocale,
  });
  // `chatId` is where private replies and notifications go: a group is never that. Both
  // platforms' private chat id is the user id (namespaced the same way).
  const privateChatId = group ? event.userId : event.chatId;
  const lastInboundAt = isInteraction ? new Date(event.at) : null;
  // Writing in private makes the user reachable again; an unfollow is recorded by the caller.
  const reachableAgain = isInteraction && !group;
  // normalizeLocale(stored, default) in SQL: the stored value is always one of ours, but stay total.
  const stored = Prisma.sql`(CASE WHEN lower(left(chat_user.locale, 2)) IN ('vi', 'en') THEN lower(left(chat_user.locale, 2)) ELSE ${defaultLocale} END)`;
  return Prisma.sql`
    upserted AS (
      INSERT INTO chat_user (id, channel, account, platform_user_id, chat_id, locale, display_name, last_inbound_at, updated_at)
      SELECT ${event.userId}::text, ${event.channel}::text, ${event.account ?? DEFAULT_ACCOUNT}::text, ${platformUserId}::text, ${privateChatId}::text, ${locales.newUser}::text,
             ${event.displayName ?? null}::text, ${lastInboundAt}::timestamptz, now()
      WHERE ${onlyIf}
      ON CONFLICT (id) DO UPDATE SET
        chat_id = CASE WHEN ${group} THEN chat_user.chat_id ELSE EXCLUDED.chat_id END,
        last_inbound_at = coalesce(EXCLUDED.last_inbound_at, chat_user.last_inbound_at),
        display_name = CASE WHEN ${event.displayName ? true : false} THEN EXCLUDED.display_name ELSE chat_user.display_name END,
        locale = CASE WHEN chat_user.locale_chosen THEN ${stored} ELSE coalesce(${locales.knownUser}::text, ${stored}) END,
        updated_at = now()
      RETURNING id, channel, platform_user_id, role, unit_id, cadre_id, locale, display_name
    ), reachable AS (
      DELETE FROM recipient_status WHERE user_id = ${event.userId} AND ${reachableAgain} AND ${onlyIf}
    )`;
}

/** The chat user as the turn's upsert left it: who they are, and the row other stores read by id. */
export interface TouchedChatUser {
  identity: ChatIdentity;
  row: ChatUserRow;
}

/** The `upserted` row of `touchChatUserSql` (as JSON), typed. */
export function toTouchedChatUser(json: unknown): TouchedChatUser {
  const r = json as { id: string; channel: string; platform_user_id: string; role: string; unit_id: string | null; cadre_id: string | null; locale: string; display_name: string | null };
  return {
    identity: toIdentity({ id: r.id, role: r.role, unitId: r.unit_id, locale: r.locale, displayName: r.display_name }),
    row: { id: r.id, channel: r.channel, platformUserId: r.platform_user_id, role: r.role, unitId: r.unit_id, cadreId: r.cadre_id, displayName: r.display_name },
  };
}

/** The columns of a chat user other stores read by id (cadre binding, role, unit). */
export interface ChatUserRow {
  id: string;
  channel: string;
  platformUserId: string;
  role: string;
  unitId: string | null;
  cadreId: string | null;
  displayName: string | null;
}

/** One chat user by namespaced id, in typed raw SQL (asked on every text turn: no ORM compile). */
export async function findChatUser(db: Db, userId: string): Promise<ChatUserRow | null> {
  const rows = await sqlOf(db).rows<{ id: string; channel: string; platform_user_id: string; role: string; unit_id: string | null; cadre_id: string | null; display_name: string | null }>(Prisma.sql`
    SELECT id, channel, platform_user_id, role, unit_id, cadre_id, display_name FROM chat_user WHERE id = ${userId}`);
  const row = rows[0];
  return row
    ? { id: row.id, channel: row.channel, platformUserId: row.platform_user_id, role: row.role, unitId: row.unit_id, cadreId: row.cadre_id, displayName: row.display_name }
    : null;
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
