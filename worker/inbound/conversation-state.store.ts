import type { ConversationState } from '../../bot/conversation/conversation-state.js';
import { emptyConversationState } from '../../bot/conversation/conversation-state.js';
import type { OutboundButton } from '../../bot/core/outbound-message.js';
import type { Db } from '../../runtime/database.js';
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

export async function loadConversationState(db: Db, userId: string): Promise<ConversationState> {
  const row = await db.conversationState.findUnique({ where: { userId } });
  if (!row) return emptyConversationState();
  return {
    version: row.version,
    flow: row.flow,
    step: row.step,
    data: (row.data ?? {}) as Record<string, unknown>,
    lastButtons: (row.lastButtons ?? null) as OutboundButton[] | null,
    expiresAt: row.expiresAt,
  };
}

/** Saves the next state if nobody else saved since `expectedVersion` was read. */
export async function saveConversationState(
  db: Db,
  userId: string,
  expectedVersion: number,
  next: ConversationState,
): Promise<number> {
  const fields = {
    flow: next.flow,
    step: next.step,
    data: next.data as Prisma.InputJsonObject,
    lastButtons: next.lastButtons ? (next.lastButtons as unknown as Prisma.InputJsonArray) : Prisma.DbNull,
    expiresAt: next.expiresAt,
  };
  if (expectedVersion === 0) {
    // First turn of a new user: insert, or fall through to the versioned update
    // if another turn created the row first (then the update reports the conflict).
    const created = await db.conversationState.createMany({ data: [{ userId, version: 1, ...fields }], skipDuplicates: true });
    if (created.count === 1) return 1;
  }
  const updated = await db.conversationState.updateMany({
    where: { userId, version: expectedVersion },
    data: { ...fields, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw new ConversationConflictError(userId, expectedVersion);
  return expectedVersion + 1;
}
