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
import { claimRecipients, stillMine } from '../../../worker/broadcast/claim-recipients.js';
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

function lane() {
  const sentParts = new MemorySentPartsLog();
  return createSendLane({
    prisma: db.prisma,
    senders: createSenderRegistry([new TelegramAdapter({ token: tg.token, apiRoot: tg.url, sentParts }), new ZaloBotAdapter({ token: zb.token, apiRoot: zb.url, sentParts })]),
    translator: createTranslator({ localesDir: LOCALES_DIR }),
    logger: pino({ level: 'silent' }),
  });
}

describe('a sending lane', () => {
  it('pauses only its own account on a 429, skips residents who unsubscribed meanwhile, sends the rest once', async () => {
    await createReadyBroadcast(db.prisma, 'lane-1', { unitId: UNIT, body: 'Thông báo ngày hội' });
    await planBroadcast(db.prisma, 'lane-1', spec, DEFAULT_BROADCAST_SETTINGS, new Date());
    await db.prisma.broadcast.update({ where: { id: 'lane-1' }, data: { status: 'sending' } });
    // Two residents say "hủy nhận tin" after the plan was written.
    const gone = [seededUserId('telegram', 'ln', 3), seededUserId('telegram', 'ln', 4)];
    await db.prisma.subscriber.updateMany({ where: { userId: { in: gone } }, data: { optedOutAt: new Date(Date.now() + 1000), unitsOfInterest: [] } });
    tg.failures.push('sendMessage', FakeTelegram.tooManyRequests(30));

    const run = lane();
    const telegram = await run('lane-1', 'telegram:default');
    expect(telegram).toEqual({ kind: 'paused', delayMs: 30_000, sent: 0 });
    // Zalo Bot's account is not held back by Telegram's flood control.
    expect(await run('lane-1', 'zalo-bot:default')).toEqual({ kind: 'drained', sent: 30 });
    expect(await run('lane-1', 'telegram:default')).toMatchObject({ kind: 'drained', sent: 28 });

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
    expect(await stillMine(db.prisma, first!)).toBe(false);
    expect(await stillMine(db.prisma, second!)).toBe(true);
  });
});
