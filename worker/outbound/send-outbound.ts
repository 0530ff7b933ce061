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
  /**
   * The row as its writer inserted it, already taken (outbox.ts, `insertOutboxRowsSql` with
   * `taken`): sent without the take statement. Default: the row is taken here.
   */
  taken?: TakenOutboxRow;
}

/** A pending outbox row counted as taken by the sender that holds it. */
export interface TakenOutboxRow {
  channel: string;
  userId: string;
  chatId: string;
  text: string;
  buttons: ReadonlyArray<OutboundButton> | null;
  file: OutboundFile | null;
  /** Attempts counted so far, this one included. */
  attempts: number;
}

/**
 * Sends one outbox row. A row already marked sent (a retried or duplicated job) is
 * never sent again; a row is marked sent only after the platform acknowledged it.
 */
export function createSendOutbound(deps: SendOutboundDeps) {
  const known: string[] = [...deps.senders.keys()];
  // Two statements per reply (one when its writer took it), straight on the driver and prepared (runtime/sql/sql-runner.ts).
  const sql = sqlOf(deps.prisma);
  return async function sendOutbound(outboundId: string, options: SendOutboundOptions = {}): Promise<SendOutcome> {
    const id = BigInt(outboundId);
    let row = options.taken;
    if (row && !deps.senders.has(row.channel as Channel)) throw new UnknownChannelError(row.channel);
    if (!row) {
      // One statement takes a pending row of a channel we can send on and counts the attempt.
      const taken = await sql.rows<{ channel: string; user_id: string; chat_id: string; text: string; buttons: unknown; file: unknown; attempts: number }>(Prisma.sql`
        UPDATE outbound_message SET attempts = attempts + 1
        WHERE id = ${id} AND status = 'pending' AND channel = ANY(${known})
        RETURNING channel, user_id, chat_id, text, buttons, file, attempts`, { prepare: true });
      const found = taken[0];
      if (!found) {
        // Rare: say why nothing was taken, as before (missing, done, or a channel without a sender).
        const existing = await deps.prisma.outboundMessage.findUnique({ where: { id }, select: { status: true, channel: true } });
        if (!existing) return 'missing';
        if (existing.status !== 'pending') return 'already-done';
        throw new UnknownChannelError(existing.channel);
      }
      row = {
        channel: found.channel,
        userId: found.user_id,
        chatId: found.chat_id,
        text: found.text,
        buttons: (found.buttons ?? null) as OutboundButton[] | null,
        file: (found.file ?? null) as OutboundFile | null,
        attempts: Number(found.attempts),
      };
    }
    const sender = deps.senders.get(row.channel as Channel)!;
    const buttons = row.buttons ?? undefined;
    const file = row.file ?? undefined;
    const message: OutboundMessage = { text: row.text, ...(buttons && buttons.length > 0 ? { buttons: [...buttons] } : {}), ...(file ? { file } : {}) };
    const result = await sender.send({ channel: row.channel as Channel, userId: row.userId, chatId: row.chatId }, message, {
      idempotencyKey: sendJobId(id),
      // Every send of this row goes through a take (above, or its writer's), so on its first take no
      // part can have been acknowledged yet; and the last part's acknowledgement is the mark below.
      firstAttempt: row.attempts === 1,
      callerRecordsLastPart: true,
      paceWaitLimitMs: options.paceWaitLimitMs,
    });
    await sql.rows(Prisma.sql`
      UPDATE outbound_message SET status = 'sent', sent_at = ${new Date()}::timestamptz, platform_message_ids = ${result.platformMessageIds}::text[]
      WHERE id = ${id} AND status = 'pending'`, { prepare: true });
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
