import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../../prisma/seed/seed.js';
import { FakeTelegram } from '../fakes/telegram.fake.js';
import { FakeZaloBot } from '../fakes/zalo-bot.fake.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { killWorkerProcess as killNow, startWorkerProcess } from '../helpers/worker-process.js';
import { buildWorker, type WorkerBuild } from '../helpers/worker-build.js';
import { deleteQueueKeys, redisAvailable, testRedisUrl, uniqueQueuePrefix } from '../helpers/test-redis.js';
import { broadcastProgress } from '../../worker/broadcast/broadcast-progress.js';
import { createReadyBroadcast, deliveriesPerChat, seedSubscribers, waitForStatus } from '../worker/broadcast/broadcast-fixtures.js';

/**
 * A worker process killed with SIGKILL five times at random moments during a
 * broadcast. Exactly once, strictly: afterwards no citizen got the announcement twice,
 * and every recipient is accounted for — sent (delivered once), skipped, or uncertain.
 *
 * A row is `claimed` in batches but becomes `sending` only in a committed statement
 * right before its own request leaves, and `sent` on the platform's answer; one row
 * per lane is on the wire at a time. A kill can therefore leave at most one row per
 * lane whose fate nobody can know (Telegram and Zalo take no idempotency key and have
 * no way to ask): after the lease it is `uncertain`, never resent automatically. The
 * test checks that every recipient the fakes never saw is such an uncertain row, that
 * there are no more of them than requests on the wire at the kills, and zero duplicates.
 */
const UNIT = 'hn-p-cuanam';
const KILLS = 5;
// One request on the wire per running lane job: 2 accounts × 2 lanes per round, but after a
// kill the previous round's jobs may still be recovered (stalled) next to the new round's,
// so the bound is the broadcast worker's job concurrency (8), not the lanes of one round.
const REQUESTS_IN_FLIGHT_PER_KILL = 8;
// Each worker is killed after a random number of sends (1–MAX_SENDS_PER_CYCLE) plus a random few
// milliseconds, not after a random time: the kill still lands anywhere in a row's life (claimed,
// paced, on the wire, acknowledged but not yet written), but how many rows a cycle uses no longer
// depends on how fast the machine is, so 400 recipients always outlast five kills (≤ 5 × (40 + 8)
// sends) and the last worker has little left to send.
const RECIPIENTS_PER_CHANNEL = 200;
const MAX_SENDS_PER_CYCLE = 40;
const phase = (label: string, since: number) => console.info(`[broadcast kill test] ${label} after ${((Date.now() - since) / 1000).toFixed(1)} s`);

// Six worker processes start per case: they run a compiled copy with plain node (built once
// for both cases, ≈ 2 s), which starts seconds sooner than under tsx (docs/broadcasts.md, Speed).
let build: Promise<WorkerBuild> | null = null;
const startWorker = async (env: Record<string, string>) => startWorkerProcess(env, await (build ??= buildWorker()));
afterAll(async () => (await build)?.remove());

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
      await seedSubscribers(db.prisma, { unitId: UNIT, perChannel: { telegram: RECIPIENTS_PER_CHANNEL, 'zalo-bot': RECIPIENTS_PER_CHANNEL }, prefix: 'bk', now: new Date() });
    }, 60_000);
    afterAll(async () => {
      worker?.kill('SIGKILL');
      await db?.drop();
      if (queue === 'redis') await deleteQueueKeys(prefix);
      await Promise.all([tg?.close(), zb?.close()]);
    });

    it('ends with zero duplicates and every recipient sent, skipped or reported uncertain', async () => {
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
      const t0 = Date.now();
      while (kills < KILLS) {
        worker = await startWorker(env);
        phase(`${queue}: worker ${kills + 1} started`, t0);
        const before = sentSoFar();
        // Wait until this worker is sending, then kill it a random moment later.
        const deadline = Date.now() + 60_000;
        while (sentSoFar() === before) {
          if (Date.now() > deadline) throw new Error(`worker ${kills + 1} sent nothing within 60 s`);
          await new Promise((r) => setTimeout(r, 20));
        }
        const killAt = before + 1 + Math.floor(Math.random() * MAX_SENDS_PER_CYCLE);
        while (sentSoFar() < killAt) {
          if (Date.now() > deadline) break; // a slow worker: kill it where it is
          await new Promise((r) => setTimeout(r, 2));
        }
        await new Promise((r) => setTimeout(r, Math.random() * 20));
        const status = (await db.prisma.broadcast.findUniqueOrThrow({ where: { id: `kill-${queue}` } })).status;
        await killNow(worker);
        worker = null;
        if (status !== 'sending') break;
        kills += 1;
      }
      expect(kills, 'the broadcast ended before five kills: seed more recipients').toBe(KILLS);
      worker = await startWorker(env);
      phase(`${queue}: last worker started (${sentSoFar()} sends so far)`, t0);
      await waitForStatus(db.prisma, `kill-${queue}`, 'done', 480_000);

      phase(`${queue}: broadcast done`, t0);
      const rows = await db.prisma.broadcastRecipient.findMany({ where: { broadcastId: `kill-${queue}` } });
      expect(rows).toHaveLength(2 * RECIPIENTS_PER_CHANNEL);
      const byState = (state: string) => rows.filter((r) => r.state === state);
      const [sent, uncertain, skipped] = [byState('sent'), byState('uncertain'), byState('skipped')];
      expect(sent.length + uncertain.length + skipped.length, 'every recipient is accounted for').toBe(rows.length);

      const counts = new Map([...deliveriesPerChat(tg.sent('sendMessage'), (b) => String(b.chat_id)), ...deliveriesPerChat(zb.sent('sendMessage'), (b) => String(b.chat_id))]);
      const delivered = (chatId: string) => counts.get(chatId) ?? 0;
      expect(rows.filter((r) => delivered(r.chatId) > 1).map((r) => `${r.userId}:${r.state}`), 'duplicates').toEqual([]);
      expect(sent.filter((r) => delivered(r.chatId) !== 1).map((r) => r.userId), 'a sent row the platform never got').toEqual([]);
      expect(skipped.filter((r) => delivered(r.chatId) !== 0).map((r) => r.userId)).toEqual([]);
      const missing = rows.filter((r) => delivered(r.chatId) === 0 && r.state !== 'skipped');
      expect(missing.filter((r) => r.state !== 'uncertain').map((r) => r.userId), 'a loss not reported as uncertain').toEqual([]);
      expect(uncertain.length).toBeLessThanOrEqual(KILLS * REQUESTS_IN_FLIGHT_PER_KILL);
      // The status staff see (chat and admin API read the same progress) reports them.
      expect((await broadcastProgress(db.prisma, `kill-${queue}`)).byState.uncertain ?? 0).toBe(uncertain.length);
      console.info(
        `[broadcast kill test, ${queue}] ${KILLS} kills: ${sent.length} sent once, 0 duplicates, ${uncertain.length} uncertain ` +
          `(${uncertain.filter((r) => delivered(r.chatId) === 1).length} of them did reach the fake, ${missing.length} did not)`,
      );
    }, 600_000);
  });
}
