import type { ConversationState } from '../../bot/conversation/conversation-state.js';
import type { InboundEvent } from '../../bot/core/inbound-event.js';
import type { SqlRunner } from '../../runtime/sql/sql-runner.js';
import { Prisma } from '../../prisma/generated/client.js';
import { chatUserLookupSql, toKnownChatUser, type KnownChatUser } from './chat-user.store.js';
import { conversationStateLookupSql, toConversationState } from './conversation-state.store.js';
import { catalogueVersionsSql, type CatalogueVersions } from '../store/catalogue-snapshot.js';

/** Everything a turn reads before the bot runs, in one round trip. */
export interface TurnContext {
  user: KnownChatUser | null;
  state: ConversationState;
  /**
   * The highest outbox id before this turn: every row the turn adds gets a higher
   * one (ids come from a sequence), which keeps the final look-up on the primary key.
   */
  outboxFloor: bigint;
  /** Versions of the cached catalogues, for the process's snapshots (worker/store/catalogue-snapshot.ts). */
  catalogues: CatalogueVersions;
}

/**
 * One statement for the chat user, the conversation state and the outbox floor.
 * Must run AFTER the per-user lock was taken, in a statement of its own: in READ
 * COMMITTED a statement sees what was committed when it started, so reading in the
 * same statement as the lock could miss the turn that held it.
 */
export async function readTurnContext(sql: SqlRunner, event: InboundEvent, conversation: string): Promise<TurnContext> {
  const rows = await sql.rows<{ chat_user: unknown; state: unknown; floor: bigint | string; catalogues: CatalogueVersions | null }>(Prisma.sql`
    SELECT ${chatUserLookupSql(event)} AS chat_user,
           ${conversationStateLookupSql(conversation)} AS state,
           (SELECT coalesce(max(id), 0)::bigint FROM outbound_message) AS floor,
           ${catalogueVersionsSql} AS catalogues`);
  const row = rows[0]!;
  return { user: toKnownChatUser(row.chat_user), state: toConversationState(row.state), outboxFloor: BigInt(row.floor), catalogues: row.catalogues ?? {} };
}
