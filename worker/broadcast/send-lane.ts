import type { Channel } from '../../bot/core/inbound-event.js';
import { systemClock, type Clock } from '../../bot/core/clock.js';
import type { Translator } from '../../bot/i18n/translator.js';
import { sqlOf, type PrismaClient } from '../../runtime/database.js';
import { Prisma } from '../../prisma/generated/client.js';
import type { Logger } from '../../runtime/logger.js';
import type { SenderRegistry } from '../outbound/channel-sender.js';
import { isChannelSendError, type ChannelSendError } from '../outbound/errors/channel-send.error.js';
import type { Pacer } from '../outbound/pacer.js';
import { markRecipientUnreachable } from '../outbound/recipient-status.js';
import { sendErrorAction } from '../outbound/send-error-action.js';
import { platformId } from '../channels/send-parts.js';
import { credentialOf } from './broadcast-vocabulary.js';
import { claimRecipients, markOnWire, settleOaSent, settleRecipient, settleStaleSends, skipOptedOut, type ClaimedRecipient } from './claim-recipients.js';
import { announcementText } from './announcement-text.js';
import { deliveryUnknown } from './delivery-unknown.js';
import { LeaseLostError } from './lease-lost.error.js';
import { vietnamMonthOf } from './oa-monthly-quota.js';
import { nextHeldRowInMs } from './held-rows.js';

export interface SendLaneDeps {
  prisma: PrismaClient;
  senders: SenderRegistry;
  translator: Translator;
  logger: Logger;
  pacer?: Pacer | null;
  /** Counts Zalo OA sends in the Vietnam calendar month of this clock (default: system clock). */
  clock?: Clock;
  /** A row left `claimed`/`sending` this long by a dead worker is claimed again / declared uncertain (default 120 s). */
  claimLeaseMs?: number;
  /** Rows claimed at a time (default 20). Claimed rows are not on the wire: each is sent, and acknowledged, one by one. */
  batchSize?: number;
  /** Transient failures a row may have before it is left `failed_temporary` (default 3). */
  maxAttempts?: number;
  /** Platform 429s one chat may answer before its row is left `failed_temporary` (default 5). */
  maxRateLimits?: number;
  /** Wait for a 429 that came without retry_after (Zalo Bot, Zalo OA -32; default 30 s). */
  defaultRateLimitDelayMs?: number;
}

/** How a lane ended: drained (nothing left to claim), paused by a 429 / quota or held rows for `delayMs`, or halted (stopped). */
export type LaneOutcome = { kind: 'drained'; sent: number } | { kind: 'paused'; delayMs: number; sent: number } | { kind: 'halted'; sent: number };

type Delivery = 'next' | { pause: number };

/**
 * One lane of one channel account: claim a batch, then for each row commit `sending`
 * right before its request leaves (the adapters call back after pacing), send, and
 * write `sent` on the platform's answer — one row on the wire at a time, so a kill
 * leaves at most one row of unknown fate per lane (`uncertain`, see claim-recipients).
 *
 * A 429 puts the row back with `not_before` = now + retry_after: a chat that keeps
 * refusing is not claimed again before its wait is over (no spinning), its 429s are
 * counted and past `maxRateLimits` the row ends `failed_temporary` with the reason.
 * When the whole account is over its rate, the credential is blocked in the pacer for
 * every worker and this lane asks to be delayed; other accounts' lanes keep going.
 */
export function createSendLane(deps: SendLaneDeps) {
  const clock = deps.clock ?? systemClock;
  const leaseMs = deps.claimLeaseMs ?? 120_000;
  const batchSize = deps.batchSize ?? 20;
  const maxAttempts = deps.maxAttempts ?? 3;
  const maxRateLimits = deps.maxRateLimits ?? 5;

  async function isSending(broadcastId: string): Promise<boolean> {
    const row = await deps.prisma.broadcast.findUnique({ where: { id: broadcastId }, select: { status: true } });
    return row?.status === 'sending';
  }

  /** `sent` on the platform's answer; a Zalo OA row also counts against the follower's monthly quota, in the same statement. */
  async function settleSent(row: ClaimedRecipient, platformMessageIds: string[]): Promise<void> {
    if (row.channel === 'zalo-oa') await settleOaSent(deps.prisma, row, platformMessageIds, vietnamMonthOf(clock.now()));
    else await settleRecipient(deps.prisma, row, 'sent', { platformMessageIds });
  }

  async function deliverToConsole(row: ClaimedRecipient, text: string): Promise<Delivery> {
    // The console has no platform: its page reads sent outbox rows. Marking the recipient and
    // writing that row in ONE statement is exactly-once by construction (both or neither), and
    // one round trip instead of an interactive transaction's four (docs/broadcasts.md, Speed).
    await sqlOf(deps.prisma).rows(Prisma.sql`
      WITH marked AS (
        UPDATE broadcast_recipient SET state = 'sent', sent_at = now()
        WHERE id = ${row.id} AND state = 'claimed' AND attempts = ${row.attempts}
        RETURNING user_id, chat_id)
      INSERT INTO outbound_message (channel, user_id, chat_id, text, status, sent_at)
      SELECT 'console', user_id, chat_id, ${text}, 'sent', now() FROM marked`);
    return 'next';
  }

  /** A 429: the row waits (not_before) and the chat or the account is paused, as the platform meant it. */
  async function rateLimited(row: ClaimedRecipient, error: ChannelSendError, channelAccount: string): Promise<Delivery> {
    const decision = sendErrorAction(error, { defaultRateLimitDelayMs: deps.defaultRateLimitDelayMs });
    if (decision.action !== 'delay') return 'next';
    const notBefore = new Date(Date.now() + decision.delayMs);
    const fromPlatform = decision.pause !== 'none'; // 'none' = our own pacer said "not yet"
    if (fromPlatform && row.rate_limits + 1 >= maxRateLimits) {
      await settleRecipient(deps.prisma, row, 'failed_temporary', { rateLimited: true, error: `rate_limited ${row.rate_limits + 1}×: ${error.description}` });
      return 'next';
    }
    await settleRecipient(deps.prisma, row, 'queued', { notBefore, rateLimited: fromPlatform, error: error.message });
    const channel = row.channel as Channel;
    if (decision.pause === 'credential') {
      await deps.pacer?.block(channel, decision.delayMs, credentialOf(channelAccount));
      return { pause: decision.delayMs };
    }
    if (decision.pause === 'chat') {
      // One chat's 429 holds that chat only; several chats refused at once pause the account.
      const scope = await deps.pacer?.rateLimited(channel, platformId(channel, row.chat_id), decision.delayMs, credentialOf(channelAccount));
      if (scope === 'credential') return { pause: decision.delayMs };
    }
    return 'next';
  }

  async function deliver(textFor: (row: ClaimedRecipient) => string, row: ClaimedRecipient, channelAccount: string): Promise<Delivery> {
    const text = textFor(row);
    if (row.channel === 'console') return deliverToConsole(row, text);
    const sender = deps.senders.get(row.channel as Channel);
    const to = { channel: row.channel as Channel, userId: row.user_id, chatId: row.chat_id };
    if (!sender || sender.canSend?.(to) === false) {
      const off = sender ? `account ${channelAccount} is disabled or unknown` : `channel ${row.channel} is off in this deployment`;
      await settleRecipient(deps.prisma, row, 'skipped', { skipReason: 'no_sender', error: off });
      return 'next';
    }
    let onWire = false;
    const beforeRequest = async () => {
      if (!(await markOnWire(deps.prisma, row))) throw new LeaseLostError(row.id);
      onWire = true;
    };
    try {
      const result = await sender.send(to, { text }, { idempotencyKey: row.idempotency_key, beforeRequest });
      await settleSent(row, result.platformMessageIds);
      return 'next';
    } catch (error) {
      if (error instanceof LeaseLostError) return 'next'; // another lane (or a stop) has the row
      if (!isChannelSendError(error)) {
        // Something broke after the request may have left (e.g. writing the ack): unknown, not retried.
        const state = onWire ? 'uncertain' : row.attempts >= maxAttempts ? 'failed_temporary' : 'queued';
        await settleRecipient(deps.prisma, row, state, { error: (error as Error).message });
        return 'next';
      }
      if (onWire && deliveryUnknown(error)) {
        await settleRecipient(deps.prisma, row, 'uncertain', { error: `no answer from the platform: ${error.description}` });
        return 'next';
      }
      const decision = sendErrorAction(error);
      switch (decision.action) {
        case 'delay':
          return rateLimited(row, error, channelAccount);
        case 'mark-unreachable':
          await markRecipientUnreachable(deps.prisma, to, decision.reason, error, new Date());
          await settleRecipient(deps.prisma, row, 'failed_permanent', { error: `${decision.reason}: ${error.description}` });
          return 'next';
        case 'fail':
          await settleRecipient(deps.prisma, row, 'failed_permanent', { error: error.description });
          return 'next';
        case 'retry':
          await settleRecipient(deps.prisma, row, row.attempts >= maxAttempts ? 'failed_temporary' : 'queued', { error: error.description });
          return 'next';
      }
    }
  }

  /**
   * Of the rows just declared uncertain, those whose every part the platform had already
   * acknowledged (the adapters' sent-parts ledger, written right after each answer) were
   * delivered: the worker died before writing `sent`. Asking the sender with a hook that
   * refuses any request finds them without sending anything. Returns how many were.
   */
  async function resolveFromLedger(body: string, rows: ClaimedRecipient[]): Promise<number> {
    let known = 0;
    for (const row of rows) {
      const sender = deps.senders.get(row.channel as Channel);
      if (!sender) continue;
      const text = announcementText(deps.translator, body, row.locale, row.audience === 'resident');
      const refuse = async () => {
        throw new LeaseLostError(row.id);
      };
      try {
        const result = await sender.send({ channel: row.channel as Channel, userId: row.user_id, chatId: row.chat_id }, { text }, { idempotencyKey: row.idempotency_key, beforeRequest: refuse });
        await settleSent(row, result.platformMessageIds);
        known += 1;
      } catch {
        // A part without a recorded acknowledgement (or any other doubt): it stays uncertain.
      }
    }
    return known;
  }

  return async function runLane(broadcastId: string, channelAccount: string): Promise<LaneOutcome> {
    const broadcast = await deps.prisma.broadcast.findUnique({ where: { id: broadcastId }, select: { body: true, status: true } });
    if (!broadcast || broadcast.status !== 'sending') return { kind: 'halted', sent: 0 };
    let sent = 0;
    // A broadcast has one text per locale and audience: built once per lane, not per row.
    const texts = new Map<string, string>();
    const textFor = (row: ClaimedRecipient) => {
      const key = `${row.locale}|${row.audience}`;
      let text = texts.get(key);
      if (text === undefined) texts.set(key, (text = announcementText(deps.translator, broadcast.body, row.locale, row.audience === 'resident')));
      return text;
    };
    for (;;) {
      if (!(await isSending(broadcastId))) return { kind: 'halted', sent };
      const stale = await settleStaleSends(deps.prisma, broadcastId, leaseMs, channelAccount);
      if (stale.length > 0) {
        const known = await resolveFromLedger(broadcast.body, stale);
        deps.logger.warn({ broadcastId, channelAccount, rows: stale.length, acknowledged: known }, 'broadcast rows left mid-send by a dead worker: acknowledged ones sent, the rest uncertain (not resent)');
      }
      const claimed = await claimRecipients(deps.prisma, broadcastId, channelAccount, leaseMs, batchSize);
      if (claimed.length === 0) {
        // Rows waiting out a 429 keep the lane alive (delayed job) instead of spinning or ending.
        const heldMs = await nextHeldRowInMs(deps.prisma, broadcastId, channelAccount);
        return heldMs === null ? { kind: 'drained', sent } : { kind: 'paused', delayMs: heldMs, sent };
      }
      const optedOut = await skipOptedOut(
        deps.prisma,
        claimed.filter((r) => r.audience === 'resident').map((r) => r.id),
      );
      for (const [index, row] of claimed.entries()) {
        if (optedOut.has(row.id)) continue;
        const outcome = await deliver(textFor, row, channelAccount);
        if (outcome !== 'next') {
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
