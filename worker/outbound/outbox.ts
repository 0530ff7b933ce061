import type { Queue } from 'bullmq';
import type { Db } from '../../runtime/database.js';
import type { OutboundFile } from '../../bot/core/outbound-message.js';
import { Prisma } from '../../prisma/generated/client.js';

export interface SendJobData {
  outboundId: string;
}

/** BullMQ-safe job id for one outbound row: no ":" and never purely numeric. */
export function sendJobId(outboundId: bigint | string): string {
  return `out-${outboundId}`;
}

/**
 * Queues one send job per outbound row. The job id makes re-enqueueing the same
 * row (relay, retried inbound job) a no-op while the job exists.
 */
export async function enqueueSends(queue: Queue<SendJobData>, outboundIds: ReadonlyArray<bigint | string>, options: { firstDelayMs?: number } = {}): Promise<void> {
  if (outboundIds.length === 0) return;
  const firstDelayMs = options.firstDelayMs ?? 0;
  await queue.addBulk(
    outboundIds.map((id, index) => ({
      name: 'send',
      data: { outboundId: String(id) },
      // `firstDelayMs`: the first row waits (a platform's retry_after, a back-off step); those after it follow it.
      opts: { jobId: sendJobId(id), ...(index === 0 && firstDelayMs > 0 ? { delay: firstDelayMs } : {}) },
    })),
  );
}

/** Where an outbox row goes and what it says (text NFC, buttons as the channel renders them). */
export interface OutboxRow {
  channel: string;
  userId: string;
  chatId: string;
  message: { text: string; buttons?: ReadonlyArray<{ label: string; value: string }>; file?: OutboundFile };
  /** The inbound event it answers; null for proactive messages (notifications, reminders). */
  inReplyTo: string | null;
}

/** Writes one `pending` outbox row on the caller's transaction; the send is queued after commit. */
export async function writeOutboxRow(db: Db, row: OutboxRow): Promise<bigint> {
  const created = await db.outboundMessage.create({
    data: {
      channel: row.channel,
      userId: row.userId,
      chatId: row.chatId,
      text: row.message.text.normalize('NFC'),
      buttons: row.message.buttons ? (row.message.buttons as unknown as object[]) : undefined,
      file: row.message.file ? { ...row.message.file } : undefined,
      inReplyTo: row.inReplyTo,
    },
    select: { id: true },
  });
  return created.id;
}

/** An outbox row's columns as `insertOutboxRowsSql` stores them (text NFC). */
export function toOutboxRecord(row: OutboxRow) {
  return {
    channel: row.channel,
    user_id: row.userId,
    chat_id: row.chatId,
    text: row.message.text.normalize('NFC'),
    buttons: row.message.buttons ?? null,
    file: row.message.file ? { ...row.message.file } : null,
    in_reply_to: row.inReplyTo,
  };
}

/**
 * A data-modifying statement (for a CTE) that writes many `pending` outbox rows at
 * once, in the given order, returning their ids: one round trip for all of a turn's
 * replies. Same columns and normalisation as `writeOutboxRow`.
 *
 * `taken`: the rows are written as already taken by a sender (one attempt counted), for
 * a caller that sends them itself right after commit (worker/outbound/send-replies-now.ts):
 * the take statement is then not needed, and the outbox relay leaves them alone for its
 * taken-row lease (outbox-relay.ts), so a worker that dies before sending delays them but
 * loses none.
 */
export function insertOutboxRowsSql(rows: readonly OutboxRow[], options: { taken?: boolean } = {}): Prisma.Sql {
  const records = rows.map(toOutboxRecord);
  return Prisma.sql`INSERT INTO outbound_message (channel, user_id, chat_id, text, buttons, file, in_reply_to, attempts)
    SELECT r.channel, r.user_id, r.chat_id, r.text, r.buttons, r.file, r.in_reply_to, ${options.taken ? 1 : 0}::int
    FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
           AS (channel text, user_id text, chat_id text, text text, buttons jsonb, file jsonb, in_reply_to text)) WITH ORDINALITY
         AS r(channel, user_id, chat_id, text, buttons, file, in_reply_to, n)
    ORDER BY r.n
    RETURNING id`;
}
