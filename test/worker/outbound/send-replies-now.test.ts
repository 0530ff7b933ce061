import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAMES } from '../../../runtime/queues.js';
import { sendJobId } from '../../../worker/outbound/outbox.js';
import { startOutboxRelay } from '../../../worker/outbound/outbox-relay.js';
import { createLogger } from '../../../runtime/logger.js';
import { telegramPayloads } from '../../fakes/payloads.js';
import type { RecordedCall } from '../../fakes/fake-server.js';
import { FakeTelegram } from '../../fakes/telegram.fake.js';
import { FakeZaloBot } from '../../fakes/zalo-bot.fake.js';
import { FakeZaloOa } from '../../fakes/zalo-oa.fake.js';
import { fakeChannelEnv } from '../../fakes/fake-channel-env.js';
import { zaloOaPayloads } from '../../fakes/payloads.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { redisAvailable } from '../../helpers/test-redis.js';
import { until } from '../../helpers/until.js';

/**
 * A turn sends its own replies right after commit (worker/outbound/send-replies-now.ts);
 * only a reply that cannot leave at once becomes a send job, by the send worker's rules.
 * Both queue backends, the whole product, a loopback fake Telegram.
 */
const TG_SECRET = 'tg_secret_for_replies_now';
const CHAT_SPACING_MS = 1_500;

for (const backend of ['postgres', 'redis'] as const) {
  describe.skipIf(backend === 'redis' && !redisAvailable())(`replies sent from the turn (${backend} backend)`, () => {
    let t: TestApp;
    let tg: FakeTelegram;
    let zb: FakeZaloBot;
    let oa: FakeZaloOa;
    const tgPost = (update: unknown) =>
      fetch(`${t.app.url}/webhooks/telegram`, { method: 'POST', body: JSON.stringify(update), headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET } });
    const to = (chat: number) => (c: RecordedCall) => String(c.body.chat_id) === String(chat);
    const rowOf = (user: number) => t.db.prisma.outboundMessage.findFirst({ where: { userId: `telegram:${user}` }, orderBy: { id: 'asc' } });
    const jobOf = async (user: number) => {
      const row = await rowOf(user);
      return row ? t.app.queues.queue(QUEUE_NAMES.outbound).getJob(sendJobId(row.id)) : undefined;
    };

    beforeAll(async () => {
      [tg, zb, oa] = await Promise.all([new FakeTelegram().start(), new FakeZaloBot().start(), new FakeZaloOa(zaloOaPayloads.appId).start()]);
      // One chat's sends 1.5 s apart (the fakes' default is 50 ms), so a second reply to one chat must wait;
      // the bot as a whole at 1,000/s, so one test's reply never takes the credential slot the next one needs.
      t = await startTestApp({
        queue: backend,
        env: fakeChannelEnv({ tg, zb, oa }, { telegram: TG_SECRET, zaloBot: 'zb_secret_replies_now', zaloOa: 'oa-secret-replies-now' }, { SEND_PER_CHAT_INTERVAL_MS: String(CHAT_SPACING_MS), TELEGRAM_SEND_RATE: '1000' }),
      });
    }, 60_000);
    afterAll(async () => {
      await t?.stop();
      await Promise.all([tg?.close(), zb?.close(), oa?.close()]);
    }, 60_000);

    it('a reply that can leave at once is sent by its turn: marked sent, no send job, one request', async () => {
      const user = 910_001;
      expect((await tgPost(telegramPayloads.text('Xin chào', { userId: user }))).status).toBe(200);
      await until(async () => (await rowOf(user))?.status === 'sent', 'the reply marked sent');
      expect(tg.sent('sendMessage').filter(to(user))).toHaveLength(1);
      expect(await jobOf(user)).toBeFalsy();
      const row = await rowOf(user);
      expect(row).toMatchObject({ attempts: 1, platformMessageIds: [expect.any(String)] });
      // The last (only) part is recorded by the row itself, not by the ledger.
      expect(await t.db.prisma.sentPart.count({ where: { idempotencyKey: sendJobId(row!.id) } })).toBe(0);
    });

    it('a platform 429 is not retried at once: the chat is paused and the reply queued after retry_after', async () => {
      const user = 910_002;
      tg.failures.push(`sendMessage:${user}`, FakeTelegram.tooManyRequests(30));
      expect((await tgPost(telegramPayloads.text('Xin chào', { userId: user }))).status).toBe(200);
      const job = await until(() => jobOf(user), 'the send job');
      expect(await job!.getState()).toBe('delayed');
      expect(job!.opts.delay).toBe(30_000);
      expect(tg.sent('sendMessage').filter(to(user))).toHaveLength(1);
      expect(await rowOf(user)).toMatchObject({ status: 'pending', attempts: 1 });
    });

    it('a blocked user is marked unreachable and the row closed, without a second request', async () => {
      const user = 910_003;
      tg.failures.push(`sendMessage:${user}`, FakeTelegram.blocked());
      expect((await tgPost(telegramPayloads.text('Xin chào', { userId: user }))).status).toBe(200);
      await until(async () => (await rowOf(user))?.status === 'unreachable', 'the row closed');
      expect(await t.db.prisma.recipientStatus.findUnique({ where: { userId: `telegram:${user}` } })).toMatchObject({ reason: 'blocked' });
      expect(tg.sent('sendMessage').filter(to(user))).toHaveLength(1);
      expect(await jobOf(user)).toBeFalsy();
    });

    it('a reply whose chat must wait for its pacing slot goes to the send queue and still arrives, in order', async () => {
      const user = 910_004;
      const posted = Date.now();
      expect((await tgPost(telegramPayloads.text('Xin chào', { userId: user, updateId: 9_100_041 }))).status).toBe(200);
      await until(() => tg.sent('sendMessage').find(to(user)), 'the first reply');
      // Well within the chat's 1 s spacing: this reply cannot leave at once.
      expect((await tgPost(telegramPayloads.text('sự kiện sắp tới', { userId: user, updateId: 9_100_042 }))).status).toBe(200);
      const replies = await until(() => (tg.sent('sendMessage').filter(to(user)).length >= 2 ? tg.sent('sendMessage').filter(to(user)) : undefined), 'the second reply', 15_000);
      expect(replies).toHaveLength(2);
      // The fake records a request before its answer reaches us: wait for both marks.
      const rows = await until(async () => {
        const found = await t.db.prisma.outboundMessage.findMany({ where: { userId: `telegram:${user}` }, orderBy: { id: 'asc' } });
        return found.length === 2 && found.every((row) => row.status === 'sent') ? found : undefined;
      }, 'both replies marked sent');
      // The first went from its turn (no job); the second through the send worker.
      const jobs = await Promise.all(rows.map((row) => t.app.queues.queue(QUEUE_NAMES.outbound).getJob(sendJobId(row.id))));
      expect(jobs.map(Boolean)).toEqual([false, true]);
      // Its slot is one spacing after the first reply's, which was reserved after the first post
      // (50 ms of slack: the pacer's clock is the store's).
      expect(replies[1]!.at).toBeGreaterThanOrEqual(posted + CHAT_SPACING_MS - 50);
    });

    it('the relay leaves a row being sent from its turn alone until its lease ends, then re-queues it', async () => {
      const row = await t.db.prisma.outboundMessage.create({
        data: { channel: 'telegram', userId: 'telegram:910005', chatId: 'telegram:910005', text: 'đang gửi', attempts: 1, createdAt: new Date(Date.now() - 30_000) },
      });
      const relay = startOutboxRelay({ prisma: t.db.prisma, queues: t.app.queues, logger: createLogger({ level: 'silent' }) }, { intervalMs: 3_600_000, staleAfterMs: 10_000, takenLeaseMs: 60_000 });
      try {
        await relay.tick();
        expect(await t.app.queues.queue(QUEUE_NAMES.outbound).getJob(sendJobId(row.id))).toBeFalsy();
        await t.db.prisma.outboundMessage.update({ where: { id: row.id }, data: { createdAt: new Date(Date.now() - 61_000) } });
        await relay.tick();
        expect(await t.app.queues.queue(QUEUE_NAMES.outbound).getJob(sendJobId(row.id))).toBeTruthy();
      } finally {
        await relay.stop();
      }
    });
  });
}
