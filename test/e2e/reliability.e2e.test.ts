import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNlu } from '../../bot/nlu/index.js';
import { systemClock } from '../../bot/core/clock.js';
import { createNluUnderstanding } from '../../bot/conversation/nlu-understanding.js';
import type { Understand } from '../../bot/conversation/understanding.js';
import { QUEUE_NAMES } from '../../runtime/queues.js';
import { ZaloOaTokenManager } from '../../worker/channels/zalo-oa-token.js';
import { createPrismaZaloOaTokenRepository } from '../../worker/channels/zalo-oa-token.repository.js';
import { PostgresRefreshLock, RedisRefreshLock } from '../../worker/channels/refresh-lock.js';
import { Redis } from 'ioredis';
import { telegramPayloads, zaloBotPayloads, zaloOaPayloads } from '../fakes/payloads.js';
import type { RecordedCall } from '../fakes/fake-server.js';
import { FakeTelegram } from '../fakes/telegram.fake.js';
import { FakeZaloBot } from '../fakes/zalo-bot.fake.js';
import { FakeZaloOa } from '../fakes/zalo-oa.fake.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { redisAvailable, testRedisUrl } from '../helpers/test-redis.js';
import { until } from '../helpers/until.js';
import { fakeChannelEnv } from '../fakes/fake-channel-env.js';

/**
 * Issue 12 items 1, 3, 4 through the whole product, on BOTH queue backends, with
 * loopback fakes only at the platform edge: poison strings on every channel, an
 * authentic non-update, a turn that fails for a data reason, a 429 on one chat,
 * a bot kicked from a group, Zalo OA (token refresh under the backend's lock) and
 * pacing. docs/reliability.md lists each row with the test that proves it.
 */
const TG_SECRET = 'tg_secret_for_reliability';
const ZB_SECRET = 'zb_secret_for_reliability';
const OA_SECRET = 'oa-secret-key-reliability';
/** Text that makes the understanding layer throw: a bug triggered by one input. */
const BOOM = 'boom reliability';
const ADMIN_TOKEN = 'reliability-admin-token-0123456789';
/** Text whose first turn meets a lost connection (transient), then succeeds. */
const FLAKY = 'xin chào flaky';

for (const backend of ['postgres', 'redis'] as const) {
  describe.skipIf(backend === 'redis' && !redisAvailable())(`reliability on the ${backend} queue backend`, () => {
    let t: TestApp;
    let tg: FakeTelegram;
    let zb: FakeZaloBot;
    let oa: FakeZaloOa;
    let boomCalls = 0;
    let flakyCalls = 0;
    let nlu: Understand;
    const understand: Understand = (text, user) => {
      if (text === BOOM) {
        boomCalls += 1;
        throw new TypeError('Cannot read properties of undefined (reading "slots") — a bug on this input');
      }
      if (text === FLAKY && ++flakyCalls === 1) throw new Error('Connection terminated unexpectedly');
      return nlu(text, user);
    };

    const post = (path: string, body: string, headers: Record<string, string>) =>
      fetch(`${t.app.url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
    const tgPost = (update: unknown) => post('/webhooks/telegram', JSON.stringify(update), { 'x-telegram-bot-api-secret-token': TG_SECRET });
    const zbPost = (update: unknown) => post('/webhooks/zalo-bot', JSON.stringify(update), { 'x-bot-api-secret-token': ZB_SECRET });
    const oaPost = (event: unknown) => {
      const raw = JSON.stringify(event);
      return post('/webhooks/zalo-oa', raw, { 'x-zevent-signature': zaloOaPayloads.signature(raw, OA_SECRET) });
    };
    const tgTo = (chat: string) => (c: RecordedCall) => String(c.body.chat_id) === chat;
    const oaTo = (user: string) => (c: RecordedCall) => (c.body.recipient as { user_id?: string } | undefined)?.user_id === user;
    const inboundOf = (userId: string) => t.db.prisma.inboundEventLog.findFirst({ where: { userId }, orderBy: { receivedAt: 'desc' } });
    const noPoison = (value: unknown) => expect(JSON.stringify(value)).not.toMatch(/\\u0000|\\u0007|\\ud8[0-9a-f]{2}(?!\\udc)/i);

    beforeAll(async () => {
      nlu = createNluUnderstanding(createNlu({ clock: systemClock }));
      [tg, zb, oa] = await Promise.all([new FakeTelegram().start(), new FakeZaloBot().start(), new FakeZaloOa(zaloOaPayloads.appId).start()]);
      t = await startTestApp({
        queue: backend,
        understand,
        // Pacing measured below: 2 sends/s per Zalo Bot credential.
        env: fakeChannelEnv({ tg, zb, oa }, { telegram: TG_SECRET, zaloBot: ZB_SECRET, zaloOa: OA_SECRET }, { ZALO_BOT_SEND_RATE: '2', ADMIN_TOKEN }),
      });
    }, 60_000);
    afterAll(async () => {
      await t?.stop();
      await Promise.all([tg?.close(), zb?.close(), oa?.close()]);
    });

    it('Telegram: NUL, C0 and a lone surrogate in a text and in a callback’s data → 200, stored clean, answered', async () => {
      const user = 810_001;
      const text = await tgPost(telegramPayloads.text('Xin\u0000 chào\u0007 \ud800bạn', { userId: user }));
      expect(text.status).toBe(200);
      const stored = await until(() => inboundOf(`telegram:${user}`), 'the text turn');
      noPoison(stored.payload);
      expect((stored.payload as { text: string }).text).toBe('Xin chào \ufffdbạn');
      const menu = await until(() => tg.sent('sendMessage').find((c) => tgTo(String(user))(c) && c.body.reply_markup), 'Telegram menu');
      const keyboard = (menu.body.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard;
      const poisoned = `\u0000${keyboard[1]![0]!.callback_data}\udfff`;
      const press = await tgPost(telegramPayloads.callback(poisoned, keyboard, { userId: user }));
      expect(press.status).toBe(200);
      await until(() => tg.sent('sendMessage').filter(tgTo(String(user))).length >= 2, 'the reply to the button');
      const events = await t.db.prisma.inboundEventLog.findMany({ where: { userId: `telegram:${user}` } });
      expect(events).toHaveLength(2);
      for (const event of events) noPoison(event.payload);
    });

    it('Telegram: a NUL in the sender id → 200, rejected with a row or stored clean; never 503', async () => {
      const update = telegramPayloads.text('Xin chào', { userId: 810_002 });
      ((update.message as Record<string, unknown>).from as Record<string, unknown>).id = '810\u0000002';
      const res = await tgPost(update);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { rejected?: string };
      if (body.rejected) {
        expect(await t.db.prisma.rejectedUpdate.count({ where: { channel: 'telegram' } })).toBeGreaterThan(0);
      } else {
        noPoison((await until(() => inboundOf('telegram:810002'), 'cleaned sender'))!.payload);
      }
    });

    it('Zalo Bot: NUL in the sender id and a lone surrogate in the text → 200, answered at the cleaned id', async () => {
      const update = zaloBotPayloads.text('Xin chào\ud83d', { userId: 'zb\u0000rel000000000001' });
      const res = await zbPost(update);
      expect(res.status).toBe(200);
      await until(() => zb.sent('sendMessage').find((c) => c.body.chat_id === 'zbrel000000000001'), 'Zalo Bot reply');
      noPoison((await inboundOf('zalo-bot:zbrel000000000001'))!.payload);
    });

    it('Zalo OA: NUL in the sender id and C0 in the text, signed → 200, answered (OA works on this backend)', async () => {
      const res = await oaPost(zaloOaPayloads.text('Xin\u0001 chào\u0000', { userId: '8563847912345\u0000680001' }));
      expect(res.status).toBe(200);
      await until(() => oa.sentCs().find(oaTo('8563847912345680001')), 'Zalo OA reply');
      noPoison((await inboundOf('zalo-oa:8563847912345680001'))!.payload);
    });

    it('Zalo OA: a refused access token is refreshed once, under the backend’s lock, and the send goes through', async () => {
      oa.expireAccessTokens();
      const before = oa.refreshUses.get('oa-refresh-0') ?? 0;
      expect((await oaPost(zaloOaPayloads.text('Xin chào', { userId: '8563847912345680002' }))).status).toBe(200);
      await until(() => t.db.prisma.outboundMessage.findFirst({ where: { userId: 'zalo-oa:8563847912345680002', status: 'sent' } }), 'Zalo OA reply after refresh');
      expect((oa.refreshUses.get('oa-refresh-0') ?? 0) - before).toBe(1);
      const stored = await t.db.prisma.channelCredential.findUnique({ where: { id: `zalo-oa-${oa.appId}` } });
      expect(stored?.refreshToken).toBe('oa-refresh-1');
    });

    it('two workers racing to refresh the OA token under this backend’s lock use the refresh token once', async () => {
      const appId = backend === 'postgres' ? '999000111222333555' : '999000111222333666';
      const redis = backend === 'redis' ? new Redis(testRedisUrl()) : null;
      const local = await new FakeZaloOa(appId, 'race-secret', { accessToken: 'a0', refreshToken: 'r0' }).start();
      local.oauthDelayMs = 200;
      try {
        const make = () =>
          new ZaloOaTokenManager({
            repository: createPrismaZaloOaTokenRepository(t.db.prisma, appId),
            lock: redis ? new RedisRefreshLock({ redis, key: `${t.prefix}:race:${appId}` }) : new PostgresRefreshLock({ prisma: t.db.prisma, key: `race:${appId}` }),
            appId,
            appSecret: 'race-secret',
            oauthRoot: local.url,
            initial: { accessToken: 'a0', refreshToken: 'r0' },
          });
        await make().current();
        const [a, b] = await Promise.all([make().refresh('a0'), make().refresh('a0')]);
        expect(a.accessToken).toBe(b.accessToken);
        expect(local.refreshUses.get('r0')).toBe(1);
        expect(local.calls.filter((c) => c.path === '/v4/oa/access_token')).toHaveLength(1);
        const stored = await t.db.prisma.channelCredential.findUnique({ where: { id: `zalo-oa-${appId}` } });
        expect(stored).toMatchObject({ accessToken: a.accessToken, refreshToken: 'oa-refresh-1' });
      } finally {
        redis?.disconnect();
        await local.close();
      }
    });

    it('an authentic body that is not an update → 200, counted, kept in rejected_update', async () => {
      const res = await post('/webhooks/telegram', '{"hello":"\\u0000x"}', { 'x-telegram-bot-api-secret-token': TG_SECRET });
      expect(res.status).toBe(200);
      const rows = await t.db.prisma.rejectedUpdate.findMany({ where: { channel: 'telegram', reason: 'not_an_update' } });
      expect(rows.some((row) => JSON.stringify(row.body) === '{"hello":"x"}')).toBe(true);
      const metrics = await (await fetch(`${t.app.url}/metrics`)).text();
      expect(metrics).toMatch(/dvk_inbound_rejected_total\{channel="telegram",reason="not_an_update"\} [1-9]/);
    });

    it('console: a NUL in a text is stored clean and answered', async () => {
      await t.console.user('rel-console');
      const replies = await t.console.say('rel-console', 'xin\u0000 chào');
      expect(replies[0]!.text).toMatch(/^Xin chào/);
    });

    it('a turn that fails for a data reason is dead-lettered once, the user is told to try again, and the next message is answered', async () => {
      await t.console.user('rel-boom');
      const [apology] = await t.console.say('rel-boom', BOOM);
      expect(apology!.text).toBe('Xin lỗi, tôi chưa xử lý được tin nhắn vừa rồi. Bạn vui lòng thử lại, hoặc gõ "trợ giúp" để xem tôi có thể giúp gì.');
      const [next] = await t.console.say('rel-boom', 'xin chào');
      expect(next!.text).toMatch(/^Xin chào/);
      expect(boomCalls).toBe(1);
      const dead = await t.db.prisma.inboundEventLog.findMany({ where: { userId: 'console:rel-boom', deadLetteredAt: { not: null } } });
      expect(dead).toHaveLength(1);
      expect(dead[0]!.failure).toContain('TypeError');
      const failed = await t.app.queues.queue(QUEUE_NAMES.inbound).getJobCounts('failed', 'delayed');
      expect(failed).toEqual({ failed: 0, delayed: 0 });
      const metrics = await (await fetch(`${t.app.url}/metrics`)).text();
      expect(metrics).toMatch(/dvk_turns_dead_lettered_total\{channel="console"\} 1/);
    });

    it('a turn that meets a transient failure (connection lost) is retried, not dead-lettered', async () => {
      await t.console.user('rel-flaky');
      const [reply] = await t.console.say('rel-flaky', FLAKY);
      expect(reply!.text).toMatch(/^Xin chào/);
      expect(flakyCalls).toBe(2);
      expect(await t.db.prisma.inboundEventLog.count({ where: { userId: 'console:rel-flaky', deadLetteredAt: { not: null } } })).toBe(0);
    });

    it('a job whose data fails the event schema is dead-lettered with an apology, not retried', async () => {
      await t.console.user('rel-schema');
      const queue = t.app.queues.queue(QUEUE_NAMES.inbound);
      // `at` is not a date: zod refuses it on every attempt.
      await queue.add('turn', { channel: 'console', eventId: 'bad-1', userId: 'console:rel-schema', chatId: 'rel-schema', kind: 'text', text: 'xin chào', at: 'yesterday' } as never, { jobId: 'con-bad-1' });
      const [apology] = await t.console.replies('rel-schema', 1);
      expect(apology!.text).toMatch(/^Xin lỗi, tôi chưa xử lý được/);
      const row = await t.db.prisma.inboundEventLog.findUnique({ where: { id: 'con-bad-1' } });
      expect(row?.failure).toMatch(/ZodError|Invalid/);
    });

    it('a 429 on one Telegram chat (retry_after 20) does not delay another user’s reply', async () => {
      const busy = 820_001;
      const other = 820_002;
      tg.failures.push(`sendMessage:${busy}`, FakeTelegram.tooManyRequests(20));
      expect((await tgPost(telegramPayloads.text('Xin chào', { userId: busy }))).status).toBe(200);
      // The 429 has been answered (the fake consumed the scripted failure)…
      await until(() => tg.sent('sendMessage').find(tgTo(String(busy))), 'the refused send');
      await until(async () => ((await t.db.prisma.outboundMessage.findFirst({ where: { userId: `telegram:${busy}` } }))?.attempts ?? 0) >= 1, 'the attempt');
      // …then another user writes: their reply goes out while the busy chat still waits its 20 s.
      expect((await tgPost(telegramPayloads.text('Xin chào', { userId: other }))).status).toBe(200);
      await until(() => tg.sent('sendMessage').find(tgTo(String(other))), 'the other user’s reply');
      expect(tg.sent('sendMessage').filter(tgTo(String(busy)))).toHaveLength(1);
      const busyRow = await t.db.prisma.outboundMessage.findFirst({ where: { userId: `telegram:${busy}` } });
      expect(busyRow?.status).toBe('pending');
    });

    it('a Zalo Bot 429 (no hint: 30 s) on one chat does not delay another user’s reply', async () => {
      const busy = 'zbbusy00000000000001';
      const other = 'zbother0000000000001';
      zb.failures.push(`sendMessage:${busy}`, FakeZaloBot.quotaExceeded());
      expect((await zbPost(zaloBotPayloads.text('Xin chào', { userId: busy }))).status).toBe(200);
      await until(() => zb.sent('sendMessage').find((c) => c.body.chat_id === busy), 'the refused send');
      await until(async () => ((await t.db.prisma.outboundMessage.findFirst({ where: { userId: `zalo-bot:${busy}` } }))?.attempts ?? 0) >= 1, 'the attempt');
      expect((await zbPost(zaloBotPayloads.text('Xin chào', { userId: other }))).status).toBe(200);
      await until(() => zb.sent('sendMessage').find((c) => c.body.chat_id === other), 'the other user’s reply');
      expect(zb.sent('sendMessage').filter((c) => c.body.chat_id === busy)).toHaveLength(1);
    });

    it('a 403 "kicked from the group chat" marks the group, not the user who wrote there', async () => {
      const user = 830_001;
      const group = -1_001_830_001;
      tg.failures.push(`sendMessage:${group}`, { status: 403, body: { ok: false, error_code: 403, description: 'Forbidden: bot was kicked from the group chat' } });
      expect((await tgPost(telegramPayloads.text('Xin chào', { userId: user, chatId: group }))).status).toBe(200);
      const row = await until(() => t.db.prisma.recipientStatus.findUnique({ where: { userId: `telegram:${group}` } }), 'the group marked');
      expect(row).toMatchObject({ channel: 'telegram', reason: 'kicked' });
      expect(await t.db.prisma.recipientStatus.findUnique({ where: { userId: `telegram:${user}` } })).toBeNull();
    });

    it('paces Zalo Bot sends across chats at ZALO_BOT_SEND_RATE (2/s → slots 500 ms apart)', async () => {
      const users = Array.from({ length: 4 }, (_, i) => `zbpace00000000000${i}`);
      const posted = Date.now();
      await Promise.all(users.map((user) => zbPost(zaloBotPayloads.text('Xin chào', { userId: user }))));
      const calls = await until(() => {
        const found = zb.sent('sendMessage').filter((c) => users.includes(String(c.body.chat_id)));
        return found.length === users.length ? found : undefined;
      }, 'four paced replies');
      const times = calls.map((c) => c.at).sort((a, b) => a - b);
      // Paced, the k-th arrival (0-based) is at or after the k-th slot, k × 500 ms after the
      // first slot, which is after the posts: its k earlier arrivals used k distinct slots. This
      // holds however late a send leaves its slot (a loaded machine), unlike the span between
      // first and last arrival; unpaced, the four arrive together and k = 3 fails.
      times.forEach((at, k) => expect(at - posted).toBeGreaterThanOrEqual(k * 500));
    });

    it('admin: rejected updates and dead-lettered turns can be looked at, behind the admin token', async () => {
      const admin = (path: string, token = ADMIN_TOKEN) => fetch(`${t.app.url}/admin${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect((await admin('/api/dead-letters', 'wrong-token-0123456789')).status).toBe(401);
      const dead = (await (await admin('/api/dead-letters')).json()) as { deadLetters: Array<{ userId: string; failure: string }> };
      expect(dead.deadLetters).toContainEqual(expect.objectContaining({ userId: 'console:rel-boom', failure: expect.stringContaining('TypeError') }));
      const rejected = (await (await admin('/api/rejected-updates?limit=500')).json()) as { rejectedUpdates: Array<{ channel: string; reason: string }> };
      expect(rejected.rejectedUpdates).toContainEqual(expect.objectContaining({ channel: 'telegram', reason: 'not_an_update' }));
      expect((await admin('/api/rejected-updates?limit=0')).status).toBe(400);
    });

    it('after all of the above: health is 200 and a normal message is answered', async () => {
      const health = await fetch(`${t.app.url}/health`);
      expect(health.status).toBe(200);
      const user = 840_001;
      expect((await tgPost(telegramPayloads.text('Xin chào', { userId: user }))).status).toBe(200);
      await until(() => tg.sent('sendMessage').find(tgTo(String(user))), 'a normal reply');
    });
  });
}
