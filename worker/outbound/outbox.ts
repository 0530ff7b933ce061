import type { Queue } from 'bullmq';
import type { Db } from '../../runtime/database.js';
import type { OutboundFile } from '../../bot/core/outbound-message.js';

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
export async function enqueueSends(queue: Queue<SendJobData>, outboundIds: Array<bigint | string>): Promise<void> {
  if (outboundIds.length === 0) return;
  await queue.addBulk(
    outboundIds.map((id) => ({
      name: 'send',
      data: { outboundId: String(id) },
      opts: { jobId: sendJobId(id) },
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
