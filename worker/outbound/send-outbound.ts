import type { OutboundButton, OutboundFile, OutboundMessage, Recipient } from '../../bot/core/outbound-message.js';
import type { Channel } from '../../bot/core/inbound-event.js';
import { sqlOf, type PrismaClient } from '../../runtime/database.js';
import { Prisma } from '../../prisma/generated/client.js';
import { UnknownChannelError, type SenderRegistry } from './channel-sender.js';
import { sendJobId } from './outbox.js';

export interface SendOutboundDeps {
  prisma: PrismaClient;
  senders: SenderRegistry;
}

export type SendOutcome = 'sent' | 'already-done' | 'missing';

export interface SendOutboundOptions {
  /** Longest pacing sleep; a slot further off throws a chat-scoped RateLimitedError (default the pacer's 3 s). */
  paceWaitLimitMs?: number;
}

/**
 * Sends one outbox row. A row already marked sent (a retried or duplicated job) is
 * never sent again; a row is marked sent only after the platform acknowledged it.
 */
export function createSendOutbound(deps: SendOutboundDeps) {
  const known: string[] = [...deps.senders.keys()];
  // Two statements per reply, straight on the driver (runtime/sql/sql-runner.ts).
  const sql = sqlOf(deps.prisma);
  return async function sendOutbound(outboundId: string, options: SendOutboundOptions = {}): Promise<SendOutcome> {
    const id = BigInt(outboundId);
    // One statement takes a pending row of a channel we can send on and counts the attempt.
    const taken = await sql.rows<{ channel: string; user_id: string; chat_id: string; text: string; buttons: unknown; file: unknown; attempts: number }>(Prisma.sql`
      UPDATE outbound_message SET attempts = attempts + 1
      WHERE id = ${id} AND status = 'pending' AND channel = ANY(${known})
      RETURNING channel, user_id, chat_id, text, buttons, file, attempts`);
    const row = taken[0];
    if (!row) {
      // Rare: say why nothing was taken, as before (missing, done, or a channel without a sender).
      const existing = await deps.prisma.outboundMessage.findUnique({ where: { id }, select: { status: true, channel: true } });
      if (!existing) return 'missing';
      if (existing.status !== 'pending') return 'already-done';
      throw new UnknownChannelError(existing.channel);
    }
    const sender = deps.senders.get(row.channel as Channel)!;
    const buttons = (row.buttons ?? undefined) as OutboundButton[] | undefined;
    const file = (row.file ?? undefined) as OutboundFile | undefined;
    const message: OutboundMessage = { text: row.text, ...(buttons && buttons.length > 0 ? { buttons } : {}), ...(file ? { file } : {}) };
    const result = await sender.send({ channel: row.channel as Channel, userId: row.user_id, chatId: row.chat_id }, message, {
      idempotencyKey: sendJobId(id),
      // Every send of this row goes through the take above, so on its first take no part can have
      // been acknowledged yet; and the last part's acknowledgement is the mark below.
      firstAttempt: Number(row.attempts) === 1,
      callerRecordsLastPart: true,
      paceWaitLimitMs: options.paceWaitLimitMs,
    });
    await sql.rows(Prisma.sql`
      UPDATE outbound_message SET status = 'sent', sent_at = ${new Date()}::timestamptz, platform_message_ids = ${result.platformMessageIds}::text[]
      WHERE id = ${id} AND status = 'pending'`);
    return 'sent';
  };
}

/** Records why a row will never be sent (after the queue gave up, or an unrecoverable error). */
export async function markOutboundFailed(prisma: PrismaClient, outboundId: string, status: string, error: string): Promise<void> {
  await prisma.outboundMessage.updateMany({
    where: { id: BigInt(outboundId), status: 'pending' },
    data: { status, error: error.slice(0, 2_000) },
  });
}

/** Who an outbox row is addressed to (for the error rules of a failed send). */
export async function recipientOfOutbound(prisma: PrismaClient, outboundId: string, channel: Channel): Promise<Recipient> {
  const row = await prisma.outboundMessage.findUnique({ where: { id: BigInt(outboundId) }, select: { channel: true, userId: true, chatId: true } });
  return row ? { channel: row.channel as Channel, userId: row.userId, chatId: row.chatId } : { channel, userId: 'unknown', chatId: 'unknown' };
}
