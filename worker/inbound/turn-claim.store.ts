import type { InboundEvent } from '../../bot/core/inbound-event.js';
import type { SqlRunner } from '../../runtime/sql/sql-runner.js';
import { Prisma } from '../../prisma/generated/client.js';
import { touchChatUserSql } from './chat-user.store.js';
import { readTurnContext, turnContextColumnsSql, toTurnContext, type TurnContext, type TurnContextRow } from './turn-context.store.js';

/** The per-user lock's key: two messages of one user are answered in turn, never interleaved on the same draft. */
const lockKey = (event: InboundEvent) => Prisma.sql`hashtext(${event.userId})`;

/**
 * Claims the update's id in `inbound_event`, takes the per-user lock and reads what the
 * turn needs (turn-context.store.ts). 'duplicate': an earlier delivery has (or is
 * committing) this update; nothing was written and no lock taken.
 *
 * Fast path, one statement: claim, `pg_try_advisory_xact_lock`, the chat user's upsert
 * and the reads. A statement reads what was committed when it STARTED, so the reads are
 * trusted only when the lock was free; the upsert is skipped otherwise. The one case the
 * try cannot see — the user's previous turn committing in the microseconds between this
 * statement's start and its lock — leaves the conversation state a version behind, and
 * the versioned save refuses it (ConversationConflictError: the job is retried), so no
 * turn ever acts on a stale state.
 *
 * Slow path, when the lock is held (the same user's previous message still running):
 * wait for it, then the reads again in a statement of their own.
 */
export async function claimTurn(sql: SqlRunner, jobId: string, event: InboundEvent, conversation: string, defaultLocale: 'vi' | 'en'): Promise<'duplicate' | TurnContext> {
  const rows = await sql.rows<TurnContextRow & { claimed: number; locked: boolean }>(
    Prisma.sql`
    WITH claim AS (
      INSERT INTO inbound_event (id, channel, user_id, kind, payload, received_at)
      VALUES (${jobId}, ${event.channel}, ${event.userId}, ${event.kind}, ${JSON.stringify(event)}::jsonb, now())
      ON CONFLICT (id) DO NOTHING
      RETURNING id
    ), locked AS (
      SELECT pg_try_advisory_xact_lock(${lockKey(event)}) AS ok FROM claim
    ), ${touchChatUserSql(event, defaultLocale, Prisma.sql`EXISTS (SELECT 1 FROM locked WHERE locked.ok)`)}
    SELECT (SELECT count(*) FROM claim)::int AS claimed,
           coalesce((SELECT ok FROM locked), false) AS locked,
           ${turnContextColumnsSql(conversation)}`,
    { prepare: true },
  );
  const row = rows[0]!;
  if (row.claimed !== 1) return 'duplicate';
  if (row.locked) return toTurnContext(row);
  await sql.rows(Prisma.sql`SELECT pg_advisory_xact_lock(${lockKey(event)})`, { prepare: true });
  return readTurnContext(sql, event, conversation, defaultLocale);
}
