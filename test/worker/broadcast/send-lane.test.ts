import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../bot/i18n/translator.js';
import { runSeed } from '../../../prisma/seed/seed.js';
import { LOCALES_DIR } from '../../../runtime/start-application.js';
import { TelegramAdapter } from '../../../worker/channels/telegram.adapter.js';
import { ZaloBotAdapter } from '../../../worker/channels/zalo-bot.adapter.js';
import { createSenderRegistry } from '../../../worker/outbound/channel-sender.js';
import { MemorySentPartsLog } from '../../../worker/outbound/sent-parts.js';
import { DEFAULT_BROADCAST_SETTINGS } from '../../../worker/broadcast/broadcast-settings.js';
import { claimRecipients, markOnWire } from '../../../worker/broadcast/claim-recipients.js';
import { finishIfDrained, resendUncertain } from '../../../worker/broadcast/broadcast-control.js';
import { broadcastProgress } from '../../../worker/broadcast/broadcast-progress.js';
import { planBroadcast } from '../../../worker/broadcast/plan-broadcast.js';
import { createSendLane } from '../../../worker/broadcast/send-lane.js';
import { FakeTelegram } from '../../fakes/telegram.fake.js';
import { FakeZaloBot } from '../../fakes/zalo-bot.fake.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { createReadyBroadcast, deliveriesPerChat, seededUserId, seedSubscribers } from './broadcast-fixtures.js';

/** One lane of one channel account against the loopback fakes, without a queue: 429s, unsubscribes, fencing. */
const UNIT = 'hn-p-cuanam';
const spec = { unitId: UNIT, audience: 'residents' as const, kind: 'recognition' as const };
let db: TestDatabase;
let tg: FakeTelegram;
let zb: FakeZaloBot;

beforeAll(async () => {
  [tg, zb] = await Promise.all([new FakeTelegram().start(), new FakeZaloBot().start()]);
  db = await createTestDatabase();
  await runSeed(db.prisma);
  await seedSubscribers(db.prisma, { unitId: UNIT, perChannel: { telegram: 30, 'zalo-bot': 30 }, prefix: 'ln', now: new Date() });
}, 60_000);
afterAll(async () => {
  await db?.drop();
  await Promise.all([tg?.close(), zb?.close()]);
});

function lane(options: { telegramRoot?: string; claimLeaseMs?: number; maxRateLimits?: number; sentParts?: MemorySentPartsLog } = {}) {
  const sentParts = options.sentParts ?? new MemorySentPartsLog();
  return createSendLane({
    prisma: db.prisma,
    senders: createSenderRegistry([
      // No in-process 429 waits (auto-retry): every 429 reaches the lane, as a long retry_after would.
      new TelegramAdapter({ token: tg.token, apiRoot: options.telegramRoot ?? tg.url, sentParts, maxInlineRetryAfterSeconds: 0 }),
      new ZaloBotAdapter({ token: zb.token, apiRoot: zb.url, sentParts }),
    ]),
    translator: createTranslator({ localesDir: LOCALES_DIR }),
    logger: pino({ level: 'silent' }),
    claimLeaseMs: options.claimLeaseMs,
    maxRateLimits: options.maxRateLimits,
  });
}

async function plannedAndSending(id: string, body: string): Promise<void> {
  await createReadyBroadcast(db.prisma, id, { unitId: UNIT, body });
  await planBroadcast(db.prisma, id, spec, DEFAULT_BROADCAST_SETTINGS, new Date());
  await db.prisma.broadcast.update({ where: { id }, data: { status: 'sending' } });
}

const telegramDeliveries = (prefix: string) =>
  deliveriesPerChat(tg.sent('sendMessage').filter((c) => String(c.body.text).startsWith(prefix)), (b) => String(b.chat_id));

describe('a sending lane', () => {
  it('a 429 for one chat holds back only that chat, other accounts never wait; unsubscribed residents are skipped; each sent once', async () => {
    await createReadyBroadcast(db.prisma, 'lane-1', { unitId: UNIT, body: 'Thông báo ngày hội' });
    await planBroadcast(db.prisma, 'lane-1', spec, DEFAULT_BROADCAST_SETTINGS, new Date());
    await db.prisma.broadcast.update({ where: { id: 'lane-1' }, data: { status: 'sending' } });
    // Two residents say "hủy nhận tin" after the plan was written.
    const gone = [seededUserId('telegram', 'ln', 3), seededUserId('telegram', 'ln', 4)];
    await db.prisma.subscriber.updateMany({ where: { userId: { in: gone } }, data: { optedOutAt: new Date(Date.now() + 1000), unitsOfInterest: [] } });
    tg.failures.push('sendMessage', FakeTelegram.tooManyRequests(2));

    const run = lane();
    // Telegram's 429 on one chat (no pacer here says the whole bot is flooded): that row waits
    // its retry_after (not_before) while the lane sends the others, then the lane is delayed
    // until it may be sent — it does not spin on it, nor end the broadcast.
    let outcome = await run('lane-1', 'telegram:default');
    // Zalo Bot's account is not held back by Telegram's flood control.
    expect(await run('lane-1', 'zalo-bot:default')).toEqual({ kind: 'drained', sent: 30 });
    while (outcome.kind === 'paused') {
      expect(outcome.delayMs).toBeLessThanOrEqual(2_000);
      await new Promise((r) => setTimeout(r, outcome.kind === 'paused' ? outcome.delayMs : 0));
      outcome = await run('lane-1', 'telegram:default');
    }
    expect(outcome.kind).toBe('drained');

    const rows = await db.prisma.broadcastRecipient.findMany({ where: { broadcastId: 'lane-1' } });
    expect(rows.filter((r) => r.state === 'sent')).toHaveLength(58);
    expect(rows.filter((r) => r.state === 'skipped').map((r) => [r.userId, r.skipReason]).sort()).toEqual(gone.map((u) => [u, 'opted_out']).sort());
    const counts = deliveriesPerChat(tg.sent('sendMessage').filter((c) => String(c.body.text).startsWith('Thông báo ngày hội')), (b) => String(b.chat_id));
    // The 429'd call reached the fake but was refused; every recipient got exactly one accepted message.
    expect(counts.size).toBe(28);
    expect(rows.find((r) => r.state === 'sent' && r.channel === 'telegram')?.platformMessageIds).toHaveLength(1);
  }, 30_000);

  it('a lane that lost its claim after the lease does not send the row', async () => {
    await createReadyBroadcast(db.prisma, 'lane-2', { unitId: UNIT, body: 'Fencing' });
    await planBroadcast(db.prisma, 'lane-2', spec, DEFAULT_BROADCAST_SETTINGS, new Date());
    const [first] = await claimRecipients(db.prisma, 'lane-2', 'telegram:default', 60_000, 1);
    // Another lane finds it stale (lease 0 here) and takes it over.
    await new Promise((r) => setTimeout(r, 5));
    const [second] = await claimRecipients(db.prisma, 'lane-2', 'telegram:default', 0, 1);
    expect(second!.id).toBe(first!.id);
    expect(second!.attempts).toBe(first!.attempts + 1);
    expect(await markOnWire(db.prisma, first!)).toBe(false);
    expect(await markOnWire(db.prisma, second!)).toBe(true);
  });

  it('a chat that keeps answering 429 backs off by retry_after, then fails with the reason; the others are not held up', async () => {
    await plannedAndSending('lane-3', 'Flood');
    const flooded = seededUserId('telegram', 'ln', 7).slice('telegram:'.length);
    tg.failures.push(`sendMessage:${flooded}`, FakeTelegram.tooManyRequests(1), 3);
    const run = lane({ maxRateLimits: 3 });
    const callsBefore = tg.sent('sendMessage').length;
    let outcome = await run('lane-3', 'telegram:default');
    let runs = 1;
    while (outcome.kind === 'paused') {
      // Each pause is the chat's retry_after (1 s), never a busy loop.
      expect(outcome.delayMs).toBeGreaterThanOrEqual(100);
      await new Promise((r) => setTimeout(r, outcome.kind === 'paused' ? outcome.delayMs : 0));
      outcome = await run('lane-3', 'telegram:default');
      runs += 1;
    }
    expect(outcome.kind).toBe('drained');
    // Three refusals take at most three runs; a slow run (loaded machine) can see the row due
    // again before it ends and try it once more itself — never sooner than retry_after.
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(runs).toBeLessThanOrEqual(3);
    const row = await db.prisma.broadcastRecipient.findFirstOrThrow({ where: { broadcastId: 'lane-3', chatId: flooded } });
    expect(row.state).toBe('failed_temporary');
    expect(row.rateLimits).toBe(3);
    expect(row.error).toMatch(/^rate_limited 3×: Too Many Requests/);
    // 27 deliveries (two residents unsubscribed in the first test) + 3 refused attempts: no extra calls.
    const calls = tg.sent('sendMessage').slice(callsBefore);
    const floodedCalls = calls.filter((c) => String(c.body.chat_id) === flooded);
    expect(floodedCalls).toHaveLength(3);
    // Each retry waited for the chat's retry_after (1 s): a lower bound, so a slow machine cannot break it.
    for (let i = 1; i < floodedCalls.length; i += 1) expect(floodedCalls[i]!.at - floodedCalls[i - 1]!.at).toBeGreaterThanOrEqual(950);
    expect(calls.length).toBe(27 + 3);
    expect(new Set(calls.map((c) => String(c.body.chat_id))).size).toBe(28);
  }, 30_000);

  it('a row left on the wire by a dead worker becomes uncertain: never resent by itself, resent only when staff ask', async () => {
    await plannedAndSending('lane-4', 'Uncertain');
    // A worker claimed two rows and had the first one's request on the wire when it was killed.
    const [onWire, claimedOnly] = await claimRecipients(db.prisma, 'lane-4', 'telegram:default', 60_000, 2);
    expect(await markOnWire(db.prisma, onWire!)).toBe(true);
    await new Promise((r) => setTimeout(r, 60));
    expect(await lane({ claimLeaseMs: 50 })('lane-4', 'telegram:default')).toEqual({ kind: 'drained', sent: 27 });
    const rows = await db.prisma.broadcastRecipient.findMany({ where: { broadcastId: 'lane-4', channel: 'telegram' } });
    expect(rows.find((r) => r.id === onWire!.id)?.state).toBe('uncertain');
    // The claimed-but-not-sent row was safe to take over: it was sent, once.
    expect(rows.find((r) => r.id === claimedOnly!.id)?.state).toBe('sent');
    expect(telegramDeliveries('Uncertain').has(onWire!.chat_id)).toBe(false);
    await lane()('lane-4', 'zalo-bot:default');
    expect(await finishIfDrained(db.prisma, 'lane-4')).not.toBeNull();
    expect((await broadcastProgress(db.prisma, 'lane-4')).byState.uncertain).toBe(1);

    expect(await resendUncertain(db.prisma, 'lane-4')).toBe(1);
    expect(await lane()('lane-4', 'telegram:default')).toEqual({ kind: 'drained', sent: 1 });
    expect(telegramDeliveries('Uncertain').get(onWire!.chat_id)).toBe(1);
  }, 30_000);

  it('a row whose acknowledgement reached the ledger before the worker died is sent, not uncertain, and not sent again', async () => {
    await plannedAndSending('lane-6', 'Ledger');
    const ledger = new MemorySentPartsLog();
    // The platform had answered (ledger written) but the worker died before writing `sent`.
    const [acked, unknown] = await claimRecipients(db.prisma, 'lane-6', 'telegram:default', 60_000, 2);
    for (const row of [acked!, unknown!]) expect(await markOnWire(db.prisma, row)).toBe(true);
    await ledger.record(acked!.idempotency_key, 0, 'tg-msg-77');
    await new Promise((r) => setTimeout(r, 60));
    const callsBefore = tg.sent('sendMessage').length;
    const others = (await db.prisma.broadcastRecipient.count({ where: { broadcastId: 'lane-6', channel: 'telegram' } })) - 2;
    expect(await lane({ claimLeaseMs: 50, sentParts: ledger })('lane-6', 'telegram:default')).toEqual({ kind: 'drained', sent: others });
    const state = async (id: bigint) => db.prisma.broadcastRecipient.findUniqueOrThrow({ where: { id } });
    expect(await state(acked!.id)).toMatchObject({ state: 'sent', platformMessageIds: ['tg-msg-77'] });
    expect(await state(unknown!.id)).toMatchObject({ state: 'uncertain', platformMessageIds: [] });
    const chats = tg.sent('sendMessage').slice(callsBefore).map((c) => String(c.body.chat_id));
    expect(chats).not.toContain(acked!.chat_id);
    expect(chats).not.toContain(unknown!.chat_id);
  }, 30_000);

  it('a request cut off before the platform answered is uncertain, not retried', async () => {
    await plannedAndSending('lane-5', 'Cut off');
    // A "platform" that takes the request and drops the connection without an answer.
    const dropper: Server = createServer((req) => req.socket.destroy());
    await new Promise<void>((r) => dropper.listen(0, '127.0.0.1', () => r()));
    try {
      const root = `http://127.0.0.1:${(dropper.address() as AddressInfo).port}`;
      expect((await lane({ telegramRoot: root })('lane-5', 'telegram:default')).kind).toBe('drained');
    } finally {
      await new Promise((r) => dropper.close(r));
    }
    const states = await db.prisma.broadcastRecipient.groupBy({ by: ['state'], where: { broadcastId: 'lane-5', channel: 'telegram' }, _count: true });
    // 28: the two residents who unsubscribed in the first test are no longer in the audience.
    expect(Object.fromEntries(states.map((s) => [s.state, s._count]))).toEqual({ uncertain: 28 });
  }, 30_000);
});
