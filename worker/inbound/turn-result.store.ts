import type { ConversationState } from '../../bot/conversation/conversation-state.js';
import type { SqlRunner } from '../../runtime/sql/sql-runner.js';
import { Prisma } from '../../prisma/generated/client.js';
import { insertOutboxRowsSql, toOutboxRecord, type OutboxRow } from '../outbound/outbox.js';
import type { TakenOutboxRow } from '../outbound/send-outbound.js';
import { ConversationConflictError, saveConversationStateSql } from './conversation-state.store.js';

export interface TurnResult {
  jobId: string;
  conversation: string;
  /** The state version the turn read; the save fails if another turn saved since. */
  expectedVersion: number;
  next: ConversationState;
  replies: readonly OutboxRow[];
  /** From the turn's read (turn-context.store.ts). */
  outboxFloor: bigint;
  /** Write the replies as already taken: the caller sends them itself after commit (outbox.ts, `insertOutboxRowsSql`). */
  takeReplies?: boolean;
}

export interface WrittenTurn {
  /** Every outbox row this transaction wrote, in id order. */
  outboundIds: bigint[];
  /** The replies written as taken (`takeReplies`), by id, as sent. */
  taken: Map<bigint, TakenOutboxRow>;
}

/**
 * Everything a turn writes after the bot ran, in one statement: the versioned state,
 * the replies (one multi-row insert), the event marked processed, and back the ids
 * of every outbox row this transaction wrote — the replies and any notification a
 * feature sent to someone else (a reviewer's decision to the cadre) — so they are
 * queued as soon as the turn commits, not left for the relay. Throws
 * ConversationConflictError when the state changed under the turn.
 */
export async function writeTurnResult(sql: SqlRunner, result: TurnResult): Promise<WrittenTurn> {
  const takeReplies = result.takeReplies === true;
  const rows = await sql.rows<{ saved: number; ids: Array<bigint | string> | null; reply_ids: Array<bigint | string> | null }>(Prisma.sql`
    WITH saved AS (${saveConversationStateSql(result.conversation, result.expectedVersion, result.next)}),
    replies AS (${insertOutboxRowsSql(result.replies, { taken: takeReplies })}),
    processed AS (UPDATE inbound_event SET processed_at = clock_timestamp() WHERE id = ${result.jobId})
    SELECT (SELECT count(*) FROM saved)::int AS saved,
           -- Ids come from a sequence in the insert's order: the n-th smallest is the n-th reply.
           ARRAY(SELECT id FROM replies ORDER BY 1) AS reply_ids,
           ARRAY(SELECT id FROM replies
                 UNION
                 -- Rows of earlier statements of this transaction (features' notifications).
                 SELECT id FROM outbound_message WHERE id > ${result.outboxFloor} AND xmin = pg_current_xact_id()::xid
                 ORDER BY 1) AS ids`, { prepare: true });
  const row = rows[0]!;
  if (row.saved !== 1) throw new ConversationConflictError(result.conversation, result.expectedVersion);
  const taken = new Map<bigint, TakenOutboxRow>();
  if (takeReplies) {
    (row.reply_ids ?? []).forEach((id, index) => {
      // The row as stored, and as the send worker would read it back (plain JSON).
      const record = JSON.parse(JSON.stringify(toOutboxRecord(result.replies[index]!))) as ReturnType<typeof toOutboxRecord>;
      taken.set(BigInt(id), { channel: record.channel, userId: record.user_id, chatId: record.chat_id, text: record.text, buttons: record.buttons, file: record.file as TakenOutboxRow['file'], attempts: 1 });
    });
  }
  return { outboundIds: (row.ids ?? []).map((id) => BigInt(id)), taken };
}
