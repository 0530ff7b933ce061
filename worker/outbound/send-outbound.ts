import type { OutboundButton, OutboundFile, OutboundMessage } from '../../bot/core/outbound-message.js';
import type { Channel } from '../../bot/core/inbound-event.js';
import type { PrismaClient } from '../../runtime/database.js';
import { UnknownChannelError, type SenderRegistry } from './channel-sender.js';
import { sendJobId } from './outbox.js';

export interface SendOutboundDeps {
  prisma: PrismaClient;
  senders: SenderRegistry;
}

export type SendOutcome = 'sent' | 'already-done' | 'missing';

/**
 * Sends one outbox row. A row already marked sent (a retried or duplicated job) is
 * never sent again; a row is marked sent only after the platform acknowledged it.
 */
export function createSendOutbound(deps: SendOutboundDeps) {
  return async function sendOutbound(outboundId: string): Promise<SendOutcome> {
    const id = BigInt(outboundId);
    const row = await deps.prisma.outboundMessage.findUnique({ where: { id } });
    if (!row) return 'missing';
    if (row.status !== 'pending') return 'already-done';
    const sender = deps.senders.get(row.channel as Channel);
    if (!sender) throw new UnknownChannelError(row.channel);
    await deps.prisma.outboundMessage.update({ where: { id }, data: { attempts: { increment: 1 } } });
    const buttons = (row.buttons ?? undefined) as OutboundButton[] | undefined;
    const file = (row.file ?? undefined) as OutboundFile | undefined;
    const message: OutboundMessage = { text: row.text, ...(buttons && buttons.length > 0 ? { buttons } : {}), ...(file ? { file } : {}) };
    const result = await sender.send({ channel: row.channel as Channel, userId: row.userId, chatId: row.chatId }, message, {
      idempotencyKey: sendJobId(id),
    });
    await deps.prisma.outboundMessage.updateMany({
      where: { id, status: 'pending' },
      data: { status: 'sent', sentAt: new Date(), platformMessageIds: result.platformMessageIds },
    });
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
