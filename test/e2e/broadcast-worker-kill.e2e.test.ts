import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../../prisma/seed/seed.js';
import { FakeTelegram } from '../fakes/telegram.fake.js';
import { FakeZaloBot } from '../fakes/zalo-bot.fake.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { killWorkerProcess as killNow, startWorkerProcess as startWorker } from '../helpers/worker-process.js';
import { deleteQueueKeys, redisAvailable, testRedisUrl, uniqueQueuePrefix } from '../helpers/test-redis.js';
import { createReadyBroadcast, deliveriesPerChat, seedSubscribers, waitForStatus } from '../worker/broadcast/broadcast-fixtures.js';

/**
 * A worker process killed with SIGKILL five times at random moments during a
 * broadcast: afterwards every recipient is in a final state and got the message
 * (zero missing), counted at the fakes per recipient.
 *
 * Duplicates: a row is claimed before its send and marked sent on the platform's
 * answer; the adapters' sent-parts ledger (keyed by the row's idempotency key)
 * records acknowledged parts, so a row re-claimed after the lease is not sent again
 * once its ack was recorded. What no design can close against a platform without an
 * idempotency key (Telegram, Zalo) is a kill while the request is on the wire: the
 * platform may have delivered, we never heard. Such a row is sent again (we prefer
 * a rare double to a silent loss of a deadline notice). The test therefore asserts
 * that any duplicate is one of those in-flight rows: its recipient row shows more
 * than one attempt, and there are at most as many as in-flight sends at the kills.
 */
const UNIT = 'hn-p-cuanam';
const KILLS = 5;
const LANES_IN_FLIGHT_PER_KILL = 4; // 2 channel accounts × 2 lanes

for (const queue of ['redis', 'postgres'] as const) {
  describe.skipIf(queue === 'redis' && !redisAvailable())(`a broadcast survives SIGKILLed workers (${queue} queue backend)`, () => {
    let db: TestDatabase;
    let tg: FakeTelegram;
    let zb: FakeZaloBot;
    let worker: ChildProcess | null = null;
    const prefix = uniqueQueuePrefix('bk');

    beforeAll(async () => {
      [tg, zb] = await Promise.all([new FakeTelegram().start(), new FakeZaloBot().start()]);
      db = await createTestDatabase();
      await runSeed(db.prisma);
      await seedSubscribers(db.prisma, { unitId: UNIT, perChannel: { telegram: 500, 'zalo-bot': 500 }, prefix: 'bk', now: new Date() });
    }, 60_000);
    afterAll(async () => {
      worker?.kill('SIGKILL');
      await db?.drop();
      if (queue === 'redis') await deleteQueueKeys(prefix);
      await Promise.all([tg?.close(), zb?.close()]);
    });

    it('ends with every recipient reached, duplicates only where a send was on the wire at a kill', async () => {
      const env = {
        DATABASE_URL: db.url,
        ...(queue === 'redis' ? { REDIS_URL: testRedisUrl() } : {}),
        QUEUE_PREFIX: prefix,
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.url,
        TELEGRAM_WEBHOOK_SECRET: 'tg_secret_kill_test',
        TELEGRAM_SEND_RATE: '1000',
        ZALO_BOT_TOKEN: zb.token,
        ZALO_BOT_API_ROOT: zb.url,
        ZALO_BOT_WEBHOOK_SECRET: 'zb_secret_kill_test',
        ZALO_BOT_SEND_RATE: '1000',
        SEND_PER_CHAT_INTERVAL_MS: '0',
        BROADCAST_CLAIM_LEASE_SECONDS: '2',
      };
      await createReadyBroadcast(db.prisma, `kill-${queue}`, { unitId: UNIT, body: 'Thông báo lịch ngày hội phường Cửa Nam.' });
      const sentSoFar = () => tg.sent('sendMessage').length + zb.sent('sendMessage').length;
      let kills = 0;
      while (kills < KILLS) {
        worker = await startWorker(env);
        const before = sentSoFar();
        // Wait until this worker is sending, then kill it a random moment later.
        const deadline = Date.now() + 60_000;
        while (sentSoFar() === before) {
          if (Date.now() > deadline) throw new Error(`worker ${kills + 1} sent nothing within 60 s`);
          await new Promise((r) => setTimeout(r, 20));
        }
        await new Promise((r) => setTimeout(r, 200 + Math.random() * 800));
        const status = (await db.prisma.broadcast.findUniqueOrThrow({ where: { id: `kill-${queue}` } })).status;
        await killNow(worker);
        worker = null;
        if (status !== 'sending') break;
        kills += 1;
      }
      expect(kills, 'the broadcast ended before five kills: seed more recipients').toBe(KILLS);
      worker = await startWorker(env);
      await waitForStatus(db.prisma, `kill-${queue}`, 'done', 180_000);

      const rows = await db.prisma.broadcastRecipient.findMany({ where: { broadcastId: `kill-${queue}` } });
      expect(rows).toHaveLength(1000);
      expect(rows.filter((r) => r.state !== 'sent').map((r) => `${r.userId}:${r.state}`)).toEqual([]);
      const counts = new Map([...deliveriesPerChat(tg.sent('sendMessage'), (b) => String(b.chat_id)), ...deliveriesPerChat(zb.sent('sendMessage'), (b) => String(b.chat_id))]);
      const missing = rows.filter((r) => !counts.has(r.chatId));
      expect(missing.map((r) => r.userId)).toEqual([]);
      const doubled = rows.filter((r) => (counts.get(r.chatId) ?? 0) > 1);
      console.info(`[broadcast kill test, ${queue}] ${KILLS} kills, ${doubled.length} duplicate deliveries (sends on the wire at a kill)`);
      expect(doubled.every((r) => r.attempts > 1), 'a duplicate without a retried claim is a real bug').toBe(true);
      expect(doubled.length).toBeLessThanOrEqual(KILLS * LANES_IN_FLIGHT_PER_KILL);
      expect([...counts.values()].every((n) => n <= 2)).toBe(true);
    }, 300_000);
  });
}
