import type { Channel } from '../../bot/core/inbound-event.js';
import type { Translator } from '../../bot/i18n/translator.js';
import type { PrismaClient } from '../../runtime/database.js';
import type { Logger } from '../../runtime/logger.js';
import type { SenderRegistry } from '../outbound/channel-sender.js';
import { isChannelSendError } from '../outbound/errors/channel-send.error.js';
import type { Pacer } from '../outbound/pacer.js';
import { markRecipientUnreachable } from '../outbound/recipient-status.js';
import { sendErrorAction } from '../outbound/send-error-action.js';
import { platformId } from '../channels/send-parts.js';
import { credentialOf } from './broadcast-vocabulary.js';
import { claimRecipients, settleRecipient, skipOptedOut, stillMine, type ClaimedRecipient } from './claim-recipients.js';
import { announcementText } from './announcement-text.js';

export interface SendLaneDeps {
  prisma: PrismaClient;
  senders: SenderRegistry;
  translator: Translator;
  logger: Logger;
  pacer?: Pacer | null;
  /** A row left `sending` this long by a dead worker is claimed again (default 120 s). */
  claimLeaseMs?: number;
  /** Rows claimed at a time (default 20; a batch must be sent well within the lease). */
  batchSize?: number;
  /** Transient failures a row may have before it is left `failed_temporary` (default 3). */
  maxAttempts?: number;
}

/** How a lane ended: drained (nothing left to claim), paused by a 429 / quota for `delayMs`, or halted (stopped). */
export type LaneOutcome = { kind: 'drained'; sent: number } | { kind: 'paused'; delayMs: number; sent: number } | { kind: 'halted'; sent: number };

/**
 * One lane of one channel account: claim a batch, send each row through the
 * channel's sender (the adapters pace per chat and credential and keep the
 * sent-parts ledger under the row's idempotency key), mark it on the platform's
 * answer, repeat. A 429 or quota error pauses this account only: the row goes back
 * to `queued`, the credential is blocked in the pacer for every worker, and the lane
 * asks to be delayed. Other accounts' lanes keep going.
 */
export function createSendLane(deps: SendLaneDeps) {
  const leaseMs = deps.claimLeaseMs ?? 120_000;
  const batchSize = deps.batchSize ?? 20;
  const maxAttempts = deps.maxAttempts ?? 3;

  async function isSending(broadcastId: string): Promise<boolean> {
    const row = await deps.prisma.broadcast.findUnique({ where: { id: broadcastId }, select: { status: true } });
    return row?.status === 'sending';
  }

  async function deliver(body: string, row: ClaimedRecipient, channelAccount: string): Promise<'sent' | { pause: number }> {
    const text = announcementText(deps.translator, body, row.locale, row.audience === 'resident');
    if (row.channel === 'console') {
      // The console has no platform: its page reads sent outbox rows. Writing that row and
      // marking the recipient in one transaction is exactly-once by construction.
      await deps.prisma.$transaction(async (tx) => {
        const marked = await tx.broadcastRecipient.updateMany({ where: { id: row.id, state: 'sending', attempts: row.attempts }, data: { state: 'sent', sentAt: new Date() } });
        if (marked.count === 1) {
          await tx.outboundMessage.create({ data: { channel: 'console', userId: row.user_id, chatId: row.chat_id, text, status: 'sent', sentAt: new Date() } });
        }
      });
      return 'sent';
    }
    const sender = deps.senders.get(row.channel as Channel);
    const to = { channel: row.channel as Channel, userId: row.user_id, chatId: row.chat_id };
    if (!sender || sender.canSend?.(to) === false) {
      const off = sender ? `account ${channelAccount} is disabled or unknown` : `channel ${row.channel} is off in this deployment`;
      await settleRecipient(deps.prisma, row, 'skipped', { skipReason: 'no_sender', error: off });
      return 'sent';
    }
    // Lost to another lane after the lease (this one was slow): that lane sends it, not this one.
    if (!(await stillMine(deps.prisma, row))) return 'sent';
    try {
      const result = await sender.send(to, { text }, { idempotencyKey: row.idempotency_key });
      await settleRecipient(deps.prisma, row, 'sent', { platformMessageIds: result.platformMessageIds });
      if (row.channel === 'zalo-oa') {
        await deps.prisma.subscriber.updateMany({ where: { userId: row.user_id }, data: { broadcastsThisMonth: { increment: 1 } } });
      }
      return 'sent';
    } catch (error) {
      if (!isChannelSendError(error)) {
        await settleRecipient(deps.prisma, row, row.attempts >= maxAttempts ? 'failed_temporary' : 'queued', { error: (error as Error).message });
        return 'sent';
      }
      const decision = sendErrorAction(error);
      switch (decision.action) {
        case 'delay':
          await settleRecipient(deps.prisma, row, 'queued', { error: error.message });
          // A 429 for one chat waits for that chat only (the lane goes on with the others);
          // one that means the whole bot is over its rate pauses the account's lane.
          if (decision.pause === 'credential') {
            await deps.pacer?.block(row.channel as Channel, decision.delayMs, credentialOf(channelAccount));
            return { pause: decision.delayMs };
          }
          if (decision.pause === 'chat') {
            const scope = await deps.pacer?.rateLimited(row.channel as Channel, platformId(row.channel as Channel, row.chat_id), decision.delayMs, credentialOf(channelAccount));
            if (scope === 'credential') return { pause: decision.delayMs };
          }
          return 'sent';
        case 'mark-unreachable':
          await markRecipientUnreachable(deps.prisma, to, decision.reason, error, new Date());
          await settleRecipient(deps.prisma, row, 'failed_permanent', { error: `${decision.reason}: ${error.description}` });
          return 'sent';
        case 'fail':
          await settleRecipient(deps.prisma, row, 'failed_permanent', { error: error.description });
          return 'sent';
        case 'retry':
          await settleRecipient(deps.prisma, row, row.attempts >= maxAttempts ? 'failed_temporary' : 'queued', { error: error.description });
          return 'sent';
      }
    }
  }

  return async function runLane(broadcastId: string, channelAccount: string): Promise<LaneOutcome> {
    const broadcast = await deps.prisma.broadcast.findUnique({ where: { id: broadcastId }, select: { body: true, status: true } });
    if (!broadcast || broadcast.status !== 'sending') return { kind: 'halted', sent: 0 };
    let sent = 0;
    for (;;) {
      if (!(await isSending(broadcastId))) return { kind: 'halted', sent };
      const claimed = await claimRecipients(deps.prisma, broadcastId, channelAccount, leaseMs, batchSize);
      if (claimed.length === 0) return { kind: 'drained', sent };
      const optedOut = await skipOptedOut(
        deps.prisma,
        claimed.filter((r) => r.audience === 'resident').map((r) => r.id),
      );
      for (const [index, row] of claimed.entries()) {
        if (optedOut.has(row.id)) continue;
        const outcome = await deliver(broadcast.body, row, channelAccount);
        if (outcome !== 'sent') {
          // Hand the rest of the batch back unsent; they are claimed again after the pause.
          for (const rest of claimed.slice(index + 1)) if (!optedOut.has(rest.id)) await settleRecipient(deps.prisma, rest, 'queued');
          deps.logger.warn({ broadcastId, channelAccount, delayMs: outcome.pause }, 'broadcast lane paused by the platform (rate limit / quota)');
          return { kind: 'paused', delayMs: outcome.pause, sent };
        }
        sent += 1;
      }
    }
  };
}
