import type { ConversationState } from '../../bot/conversation/conversation-state.js';
import { emptyConversationState } from '../../bot/conversation/conversation-state.js';
import type { OutboundButton } from '../../bot/core/outbound-message.js';
import type { SqlRunner } from '../../runtime/sql/sql-runner.js';
import { Prisma } from '../../prisma/generated/client.js';

export class ConversationConflictError extends Error {
  override readonly name = 'ConversationConflictError';
  constructor(userId: string, expected: number) {
    super(
      `Conversation of ${userId} changed under us (expected version ${expected}). ` +
        'Two turns of one user must run under the per-user lock; the job will be retried.',
    );
  }
}

/** Scalar subquery: the conversation's state as JSON, NULL when it has none yet (turn-context.store.ts). */
export function conversationStateLookupSql(conversation: string): Prisma.Sql {
  return Prisma.sql`(SELECT json_build_object('version', s.version, 'flow', s.flow, 'step', s.step, 'data', s.data,
                                               'last_buttons', s.last_buttons, 'expires_at', s.expires_at)
                     FROM conversation_state s WHERE s.user_id = ${conversation})`;
}

/** The JSON of `conversationStateLookupSql`, typed. */
export function toConversationState(json: unknown): ConversationState {
  if (!json || typeof json !== 'object') return emptyConversationState();
  const row = json as { version: number; flow: string | null; step: string | null; data: unknown; last_buttons: unknown; expires_at: string | null };
  return {
    version: row.version,
    flow: row.flow,
    step: row.step,
    data: (row.data ?? {}) as Record<string, unknown>,
    lastButtons: (row.last_buttons ?? null) as OutboundButton[] | null,
    expiresAt: row.expires_at ? new Date(row.expires_at) : null,
  };
}

export async function loadConversationState(sql: SqlRunner, userId: string): Promise<ConversationState> {
  const rows = await sql.rows<{ state: unknown }>(Prisma.sql`SELECT ${conversationStateLookupSql(userId)} AS state`);
  return toConversationState(rows[0]?.state);
}

/**
 * A data-modifying statement (for a CTE) that saves the next state if nobody else
 * saved since `expectedVersion` was read, returning one row when it did. Version 0:
 * first turn of a new user, insert (nothing when another turn created the row first,
 * which the caller reports as a conflict).
 */
export function saveConversationStateSql(conversation: string, expectedVersion: number, next: ConversationState): Prisma.Sql {
  const data = JSON.stringify(next.data ?? {});
  const buttons = next.lastButtons ? JSON.stringify(next.lastButtons) : null;
  if (expectedVersion === 0) {
    return Prisma.sql`INSERT INTO conversation_state (user_id, version, flow, step, data, last_buttons, expires_at, updated_at)
      VALUES (${conversation}, 1, ${next.flow}, ${next.step}, ${data}::jsonb, ${buttons}::jsonb, ${next.expiresAt}::timestamptz, now())
      ON CONFLICT (user_id) DO NOTHING RETURNING version`;
  }
  return Prisma.sql`UPDATE conversation_state SET version = version + 1, flow = ${next.flow}, step = ${next.step}, data = ${data}::jsonb,
      last_buttons = ${buttons}::jsonb, expires_at = ${next.expiresAt}::timestamptz, updated_at = now()
      WHERE user_id = ${conversation} AND version = ${expectedVersion} RETURNING version`;
}

/** Saves the next state if nobody else saved since `expectedVersion` was read. */
export async function saveConversationState(sql: SqlRunner, userId: string, expectedVersion: number, next: ConversationState): Promise<number> {
  const saved = await sql.rows<{ version: number }>(Prisma.sql`WITH saved AS (${saveConversationStateSql(userId, expectedVersion, next)}) SELECT version FROM saved`);
  if (saved.length !== 1) throw new ConversationConflictError(userId, expectedVersion);
  return saved[0]!.version;
}
