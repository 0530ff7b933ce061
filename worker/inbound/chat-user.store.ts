import { isGroupChat, type InboundEvent } from '../../bot/core/inbound-event.js';
import { CHAT_ROLES, type ChatIdentity, type ChatRole } from '../../bot/core/identity.js';
import { normalizeLocale } from '../../bot/i18n/translator.js';
import { chooseReplyLocale } from '../../bot/i18n/reply-locale.js';
import { sqlOf, type Db } from '../../runtime/database.js';
import type { SqlRunner } from '../../runtime/sql/sql-runner.js';
import { DEFAULT_ACCOUNT, platformIdOfUserId } from '../../bot/core/channel-account.js';
import { Prisma } from '../../prisma/generated/client.js';

/** What a turn needs to know about the user before it chooses the reply language. */
export interface KnownChatUser {
  locale: string;
  localeChosen: boolean;
}

/**
 * The one look-up of a chat user by their namespaced id, as a scalar subquery
 * yielding `{locale, locale_chosen}` as JSON (or NULL for a new user). It runs inside
 * the turn's single read (worker/inbound/turn-context.store.ts); the key of
 * `chat_user` is decided here and in `touchChatUser` below, nowhere else.
 */
export function chatUserLookupSql(event: Pick<InboundEvent, 'userId'>): Prisma.Sql {
  return Prisma.sql`(SELECT json_build_object('locale', u.locale, 'locale_chosen', u.locale_chosen) FROM chat_user u WHERE u.id = ${event.userId})`;
}

/** The JSON of `chatUserLookupSql`, typed. */
export function toKnownChatUser(json: unknown): KnownChatUser | null {
  if (!json || typeof json !== 'object') return null;
  const row = json as { locale?: unknown; locale_chosen?: unknown };
  return { locale: String(row.locale ?? 'vi'), localeChosen: row.locale_chosen === true };
}

/**
 * Records that a user wrote (the Zalo OA free-reply window is measured from the
 * last inbound) and returns who they are, with the language to answer in
 * (bot/i18n/reply-locale.ts): their explicit choice, else the language of this
 * message, else the conversation's so far, else the platform's hint.
 * `existing` is the row as the turn read it under the user's lock. One statement:
 * the upsert, and (for a private message) "reachable again" (worker/inbound/reachability.ts).
 */
export async function touchChatUser(sql: SqlRunner, event: InboundEvent, defaultLocale: 'vi' | 'en', existing: KnownChatUser | null): Promise<ChatIdentity> {
  // Keyed by (account, platform id): `telegram:ward-a:1` is ward A's bot's user 1 (bot/core/channel-account.ts).
  const platformUserId = platformIdOfUserId(event.userId);
  const isInteraction = event.kind !== 'unfollow';
  const group = isGroupChat(event);
  const locale = chooseReplyLocale({
    chosen: existing?.localeChosen ? normalizeLocale(existing.locale, defaultLocale) : null,
    text: event.kind === 'text' || event.kind === 'image' || event.kind === 'document' ? event.text : undefined,
    previous: existing ? normalizeLocale(existing.locale, defaultLocale) : null,
    languageCode: event.languageCode,
    defaultLocale,
  });
  // `chatId` is where private replies and notifications go: a group is never that. Both
  // platforms' private chat id is the user id (namespaced the same way).
  const privateChatId = group ? event.userId : event.chatId;
  const lastInboundAt = isInteraction ? new Date(event.at) : null;
  // Writing in private makes the user reachable again; an unfollow is recorded by the caller.
  const reachableAgain = isInteraction && !group;
  const rows = await sql.rows<{ id: string; role: string; unit_id: string | null; locale: string; display_name: string | null }>(Prisma.sql`
    WITH upserted AS (
      INSERT INTO chat_user (id, channel, account, platform_user_id, chat_id, locale, display_name, last_inbound_at, updated_at)
      VALUES (${event.userId}, ${event.channel}, ${event.account ?? DEFAULT_ACCOUNT}, ${platformUserId}, ${privateChatId}, ${locale}, ${event.displayName ?? null},
              ${lastInboundAt}::timestamptz, now())
      ON CONFLICT (id) DO UPDATE SET
        chat_id = CASE WHEN ${group} THEN chat_user.chat_id ELSE EXCLUDED.chat_id END,
        last_inbound_at = coalesce(EXCLUDED.last_inbound_at, chat_user.last_inbound_at),
        display_name = CASE WHEN ${event.displayName ? true : false} THEN EXCLUDED.display_name ELSE chat_user.display_name END,
        locale = EXCLUDED.locale,
        updated_at = now()
      RETURNING id, role, unit_id, locale, display_name
    ), reachable AS (
      DELETE FROM recipient_status WHERE user_id = ${event.userId} AND ${reachableAgain}
    )
    SELECT id, role, unit_id, locale, display_name FROM upserted`);
  const row = rows[0]!;
  return toIdentity({ id: row.id, role: row.role, unitId: row.unit_id, locale: row.locale, displayName: row.display_name });
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
