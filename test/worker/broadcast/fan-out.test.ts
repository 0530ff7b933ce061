import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../../../prisma/seed/seed.js';
import { FakeTelegram } from '../../fakes/telegram.fake.js';
import { FakeZaloBot } from '../../fakes/zalo-bot.fake.js';
import { FakeZaloOa } from '../../fakes/zalo-oa.fake.js';
import { zaloOaPayloads } from '../../fakes/payloads.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { redisAvailable } from '../../helpers/test-redis.js';
import { createReadyBroadcast, deliveriesPerChat, seededUserId, seedSubscribers, waitForStatus } from './broadcast-fixtures.js';
import { vietnamMonthOf } from '../../../worker/broadcast/oa-monthly-quota.js';

/**
 * The fan-out engine end to end: a broadcast row (as the composer writes it) to
 * subscribers spread over the console and the three platform fakes ends with every
 * recipient in a final state, and each recipient the row says was sent got exactly
 * one message at the fake. Small enough for the default suite (the 10,000-recipient
 * run with the rate check is `bench/broadcast.bench.ts`).
 */
const UNIT = 'hn-p-cuanam';
const BODY = 'Đảng ủy phường Cửa Nam công nhận 12 mô hình "Dân vận khéo" năm 2026.';

function fakeEnv(tg: FakeTelegram, zb: FakeZaloBot, oa: FakeZaloOa): Record<string, string> {
  return {
    TELEGRAM_BOT_TOKEN: tg.token,
    TELEGRAM_API_ROOT: tg.url,
    TELEGRAM_WEBHOOK_SECRET: 'tg_secret_fanout',
    TELEGRAM_SEND_RATE: '1000',
    ZALO_BOT_TOKEN: zb.token,
    ZALO_BOT_API_ROOT: zb.url,
    ZALO_BOT_WEBHOOK_SECRET: 'zb_secret_fanout',
    ZALO_BOT_SEND_RATE: '1000',
    SEND_PER_CHAT_INTERVAL_MS: '0',
    ZALO_OA_APP_ID: oa.appId,
    ZALO_OA_APP_SECRET: oa.appSecret,
    ZALO_OA_SECRET_KEY: 'oa-secret-key-fanout',
    ZALO_OA_ACCESS_TOKEN: 'oa-access-0',
    ZALO_OA_REFRESH_TOKEN: 'oa-refresh-0',
    ZALO_OA_API_ROOT: oa.url,
    ZALO_OA_OAUTH_ROOT: oa.url,
    ZALO_OA_SEND_RATE: '1000',
  };
}

const tgChat = (b: Record<string, unknown>) => (b.chat_id === undefined ? undefined : String(b.chat_id));
const oaChat = (b: Record<string, unknown>) => (b.recipient as { user_id?: string } | undefined)?.user_id;

for (const queue of ['redis', 'postgres'] as const) {
  describe.skipIf(queue === 'redis' && !redisAvailable())(`broadcast fan-out on the ${queue} queue backend`, () => {
    let t: TestApp;
    let tg: FakeTelegram;
    let zb: FakeZaloBot;
    let oa: FakeZaloOa;
    // Every channel on both backends: the OA token refresh lock is a PostgreSQL advisory lock without Redis.
    const channels = ['console', 'telegram', 'zalo-bot', 'zalo-oa'];
    const perChannel = Object.fromEntries(channels.map((c) => [c, 150]));

    beforeAll(async () => {
      [tg, zb, oa] = await Promise.all([new FakeTelegram().start(), new FakeZaloBot().start(), new FakeZaloOa(zaloOaPayloads.appId).start()]);
      t = await startTestApp({ queue, env: fakeEnv(tg, zb, oa) });
      await runSeed(t.db.prisma);
      await seedSubscribers(t.db.prisma, { unitId: UNIT, perChannel, prefix: 'fo', now: new Date() });
    }, 60_000);
    afterAll(async () => {
      await t?.stop();
      await Promise.all([tg?.close(), zb?.close(), oa?.close()]);
    });

    it('sends every recipient exactly once and records why the others were skipped', async () => {
      const db = t.db.prisma;
      // Exclusions: a Telegram user the platform refused before, OA followers silent for 3 days / at the quota.
      await db.recipientStatus.create({ data: { userId: 'telegram:fotelegram1', channel: 'telegram', reason: 'blocked', markedAt: new Date() } });
      await db.chatUser.updateMany({ where: { id: { in: [seededUserId('zalo-oa', 'fo', 1), seededUserId('zalo-oa', 'fo', 2)] } }, data: { lastInboundAt: new Date(Date.now() - 72 * 3600 * 1000) } });
      await db.subscriber.update({ where: { userId: seededUserId('zalo-oa', 'fo', 3) }, data: { broadcastsThisMonth: 4, broadcastsMonth: vietnamMonthOf(new Date()) } });
      const expectedSkipped = 4;
      await createReadyBroadcast(db, `fanout-${queue}`, { unitId: UNIT, body: BODY });
      await waitForStatus(db, `fanout-${queue}`, 'done', 90_000);

      const rows = await db.broadcastRecipient.findMany({ where: { broadcastId: `fanout-${queue}` } });
      const total = Object.values(perChannel).reduce((a, b) => a + b, 0);
      expect(rows).toHaveLength(total);
      expect(rows.filter((r) => !['sent', 'skipped'].includes(r.state))).toEqual([]);
      expect(rows.filter((r) => r.state === 'skipped')).toHaveLength(expectedSkipped);
      expect(rows.find((r) => r.userId === 'telegram:fotelegram1')).toMatchObject({ state: 'skipped', skipReason: 'unreachable' });
      expect(rows.find((r) => r.userId === seededUserId('zalo-oa', 'fo', 1))?.skipReason).toBe('outside_window');
      expect(rows.find((r) => r.userId === seededUserId('zalo-oa', 'fo', 3))?.skipReason).toBe('oa_quota');
      expect(new Set(rows.map((r) => r.channelAccount))).toEqual(new Set(channels.map((c) => `${c}:default`)));

      // The fakes' per-recipient counts match the rows: one message per sent row, none to skipped ones.
      const sentBy = (channel: string) => rows.filter((r) => r.channel === channel && r.state === 'sent').map((r) => r.chatId).sort();
      for (const [channel, calls, chatOf] of [
        ['telegram', tg.sent('sendMessage'), tgChat],
        ['zalo-bot', zb.sent('sendMessage'), tgChat],
        ['zalo-oa', oa.sentCs(), oaChat],
      ] as const) {
        const counts = deliveriesPerChat(calls, chatOf);
        expect([...counts.keys()].sort(), channel).toEqual(sentBy(channel));
        expect([...counts.values()].every((n) => n === 1), `${channel}: someone got two`).toBe(true);
      }
      const consoleRows = await db.outboundMessage.groupBy({ by: ['userId'], where: { channel: 'console', userId: { startsWith: 'console:foconsole' } }, _count: true });
      expect(consoleRows).toHaveLength(perChannel.console!);
      expect(consoleRows.every((r) => r._count === 1)).toBe(true);

      // A sent Zalo OA announcement counts against that follower's monthly quota (same statement as `sent`).
      const oaSent = rows.find((r) => r.channel === 'zalo-oa' && r.state === 'sent')!;
      expect(await db.subscriber.findUnique({ where: { userId: oaSent.userId }, select: { broadcastsThisMonth: true, broadcastsMonth: true } })).toEqual({ broadcastsThisMonth: 1, broadcastsMonth: vietnamMonthOf(new Date()) });

      // Every resident's copy says how to stop.
      const sample = tg.sent('sendMessage')[0]!.body.text as string;
      expect(sample.startsWith(BODY)).toBe(true);
      expect(sample).toContain('hủy nhận tin');
      // The author hears that it finished.
      const note = await db.outboundMessage.findFirst({ where: { userId: 'console:demo-broadcaster-cuanam' }, orderBy: { id: 'desc' } });
      expect(note?.text).toContain(new Intl.NumberFormat('vi').format(rows.filter((r) => r.state === 'sent').length));
    }, 120_000);
  });
}
