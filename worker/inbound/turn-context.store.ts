import type { ConversationState } from '../../bot/conversation/conversation-state.js';
import type { InboundEvent } from '../../bot/core/inbound-event.js';
import type { SqlRunner } from '../../runtime/sql/sql-runner.js';
import { Prisma } from '../../prisma/generated/client.js';
import { toTouchedChatUser, touchChatUserSql, type TouchedChatUser } from './chat-user.store.js';
import { conversationStateLookupSql, toConversationState } from './conversation-state.store.js';
import { catalogueVersionsSql, type CatalogueVersions } from '../store/catalogue-snapshot.js';

/** Everything a turn reads before the bot runs, in one round trip. */
export interface TurnContext {
  /** The chat user, recorded as having written (chat-user.store.ts). */
  user: TouchedChatUser;
  state: ConversationState;
  /**
   * The highest outbox id before this turn: every row the turn adds gets a higher
   * one (ids come from a sequence), which keeps the final look-up on the primary key.
   */
  outboxFloor: bigint;
  /** Versions of the cached catalogues, for the process's snapshots (worker/store/catalogue-snapshot.ts). */
  catalogues: CatalogueVersions;
}

/** The columns `turnContextColumnsSql` adds to a statement that has the `upserted` CTE of chat-user.store.ts. */
export interface TurnContextRow {
  chat_user: unknown;
  state: unknown;
  floor: bigint | string;
  catalogues: CatalogueVersions | null;
}

/** The select list of the turn's reads, after `touchChatUserSql`'s CTEs (here and in turn-claim.store.ts). */
export function turnContextColumnsSql(conversation: string): Prisma.Sql {
  return Prisma.sql`(SELECT row_to_json(upserted) FROM upserted) AS chat_user,
           ${conversationStateLookupSql(conversation)} AS state,
           (SELECT coalesce(max(id), 0)::bigint FROM outbound_message) AS floor,
           ${catalogueVersionsSql} AS catalogues`;
}

export function toTurnContext(row: TurnContextRow): TurnContext {
  return { user: toTouchedChatUser(row.chat_user), state: toConversationState(row.state), outboxFloor: BigInt(row.floor), catalogues: row.catalogues ?? {} };
}

/**
 * One statement records the chat user (the upsert also yields who they are) and reads
 * the conversation state, the outbox floor and the catalogue versions. Run AFTER the
 * per-user lock was taken, in a statement of its own: in READ COMMITTED a statement sees
 * what was committed when it started, so reading in the statement that waited for the
 * lock could miss the turn that held it (turn-claim.store.ts: the path that waited).
 */
export async function readTurnContext(sql: SqlRunner, event: InboundEvent, conversation: string, defaultLocale: 'vi' | 'en'): Promise<TurnContext> {
  const rows = await sql.rows<TurnContextRow>(
    Prisma.sql`
    WITH ${touchChatUserSql(event, defaultLocale)}
    SELECT ${turnContextColumnsSql(conversation)}`,
    { prepare: true },
  );
  return toTurnContext(rows[0]!);
}
