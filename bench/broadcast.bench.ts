/**
 * Broadcast fan-out at scale (issue 11 "Done when"): planning time for 100,000
 * recipients (set-based INSERT … SELECT in batches), the send rate against an
 * unthrottled loopback Telegram fake, and the process RSS. Then the paced fan-out check:
 * `BENCH_BROADCAST_PACED` recipients (default 10,000) sent at `TELEGRAM_SEND_RATE` =
 * `BENCH_BROADCAST_RATE` (default 500/s, so ≈ 20 s; the real 25/s would take 400 s) with
 * `BENCH_BROADCAST_LANES` lanes (default 8), printing the measured rate against the
 * configured one (target within ±5 %). Needs Redis. `BENCH_BROADCAST_PACED=0` skips it.
 * Between the two, one lane sending `BENCH_BROADCAST_LANE_ROWS` rows (default 500) unpaced on
 * each queue backend, Redis and PostgreSQL, with their ratio (`=0` skips it): the per-row cost
 * of a lane is the same SQL on both, so the ratio should stay near 1 (docs/broadcasts.md, Speed).
 *
 *   npm run bench -- broadcast
 *   BENCH_BROADCAST_RECIPIENTS=100000 BENCH_BROADCAST_PACED=0 npm run bench -- broadcast
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import type { BenchResult } from './bench-result.js';
import { loadConfig } from '../runtime/config.js';
import { createLogger } from '../runtime/logger.js';
import { withBenchDatabase } from './bench-database.js';
import { createPrismaClient } from '../runtime/database.js';
import { startApplication } from '../runtime/start-application.js';
import { runSeed } from '../prisma/seed/seed.js';
import { planBroadcast } from '../worker/broadcast/plan-broadcast.js';
import { DEFAULT_BROADCAST_SETTINGS } from '../worker/broadcast/broadcast-settings.js';
import { FakeTelegram } from '../test/fakes/telegram.fake.js';
import { seedSubscribers, waitForStatus, createReadyBroadcast } from '../test/worker/broadcast/broadcast-fixtures.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
// Default small enough for `npm run bench` to finish in minutes; the issue's figure is
// BENCH_BROADCAST_RECIPIENTS=100000 (over an hour at today's send rate).
const RECIPIENTS = Number(process.env.BENCH_BROADCAST_RECIPIENTS ?? 2_000);
const PACED = Number(process.env.BENCH_BROADCAST_PACED ?? 10_000);
const RATE = Number(process.env.BENCH_BROADCAST_RATE ?? 500);
const LANES = Number(process.env.BENCH_BROADCAST_LANES ?? 8);
const LANE_ROWS = Number(process.env.BENCH_BROADCAST_LANE_ROWS ?? 500);
const UNIT = 'hn-p-cuanam';


/** Sends one broadcast to `count` Telegram subscribers through the whole worker; returns sends/s. */
async function sendRate(databaseUrl: string, tg: FakeTelegram, id: string, rate: number, redis: boolean, lanes = 2): Promise<number> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    ...(redis ? { REDIS_URL: REDIS_URL } : {}),
    QUEUE_PREFIX: `dvk-bench-bc-${randomBytes(3).toString('hex')}`,
    PORT: '0',
    LOG_LEVEL: 'silent',
    TELEGRAM_BOT_TOKEN: tg.token,
    TELEGRAM_API_ROOT: tg.url,
    TELEGRAM_WEBHOOK_SECRET: 'bench_secret_broadcast',
    TELEGRAM_SEND_RATE: String(rate),
    SEND_PER_CHAT_INTERVAL_MS: '0',
    BROADCAST_LANES_PER_ACCOUNT: String(lanes),
  });
  const app = await startApplication({ config, roles: ['worker'], logger: createLogger({ level: 'silent' }) });
  try {
    const before = tg.sent('sendMessage').length;
    await waitForStatus(app.prisma, id, 'sending', 600_000);
    const started = Date.now();
    await waitForStatus(app.prisma, id, 'done', 24 * 3600_000);
    const sent = tg.sent('sendMessage').length - before;
    return sent / ((Date.now() - started) / 1000);
  } finally {
    await app.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const tg = await new FakeTelegram().start();
  try {
    await withBenchDatabase(async (url) => {
      const prisma = createPrismaClient(url);
      try {
        await runSeed(prisma);
        await seedSubscribers(prisma, { unitId: UNIT, perChannel: { telegram: RECIPIENTS }, prefix: 'bench', now: new Date() });
        // Planning alone, measured directly: the set-based INSERT … SELECT in 5,000-row batches.
        await createReadyBroadcast(prisma, 'bench-plan', { unitId: UNIT, body: 'Bench', scheduledAt: new Date(Date.now() + 3600_000) });
        const t0 = Date.now();
        await planBroadcast(prisma, 'bench-plan', { unitId: UNIT, audience: 'residents', kind: 'recognition' }, DEFAULT_BROADCAST_SETTINGS, new Date());
        results.push({ name: `planning ${RECIPIENTS.toLocaleString('en-US')} recipients`, value: Date.now() - t0, unit: 'ms' });
        await prisma.broadcast.update({ where: { id: 'bench-plan' }, data: { status: 'cancelled' } });

        await createReadyBroadcast(prisma, 'bench-send', { unitId: UNIT, body: 'Thông báo thử tải.' });
        // 0 = unpaced (TELEGRAM_SEND_RATE=0): the engine's own ceiling, not the platform's.
        const rate = await sendRate(url, tg, 'bench-send', 0, true);
        results.push({ name: `send rate, ${RECIPIENTS.toLocaleString('en-US')} recipients, unthrottled fake`, value: rate, unit: 'msg/s', note: 'Redis queue, one worker process' });

        if (LANE_ROWS > 0) {
          const lane: Record<'redis' | 'postgres', number> = { redis: 0, postgres: 0 };
          for (const backend of ['redis', 'postgres'] as const) {
            await prisma.broadcastRecipient.deleteMany({});
            await createReadyBroadcast(prisma, `bench-lane-${backend}`, { unitId: UNIT, body: 'Thông báo thử một làn.' });
            // Only the first LANE_ROWS rows go out: the rest are stopped before the worker starts.
            await planBroadcast(prisma, `bench-lane-${backend}`, { unitId: UNIT, audience: 'residents', kind: 'recognition' }, DEFAULT_BROADCAST_SETTINGS, new Date());
            await prisma.$executeRaw`UPDATE broadcast_recipient SET state = 'stopped' WHERE broadcast_id = ${`bench-lane-${backend}`} AND id NOT IN (SELECT id FROM broadcast_recipient WHERE broadcast_id = ${`bench-lane-${backend}`} ORDER BY id LIMIT ${LANE_ROWS})`;
            lane[backend] = await sendRate(url, tg, `bench-lane-${backend}`, 0, backend === 'redis', 1);
            results.push({ name: `one lane, ${LANE_ROWS} rows unpaced, ${backend} queue`, value: lane[backend], unit: 'msg/s' });
          }
          results.push({ name: 'one lane: PostgreSQL queue / Redis queue', value: lane.postgres / lane.redis, unit: '×' });
        }

        if (PACED > 0) {
          await prisma.broadcastRecipient.deleteMany({});
          if (PACED > RECIPIENTS) {
            await seedSubscribers(prisma, { unitId: UNIT, perChannel: { telegram: PACED - RECIPIENTS }, prefix: 'benchpaced', now: new Date() });
          } else {
            await prisma.$executeRaw`DELETE FROM subscriber WHERE user_id IN (SELECT user_id FROM subscriber ORDER BY user_id OFFSET ${PACED})`;
          }
          await createReadyBroadcast(prisma, 'bench-paced', { unitId: UNIT, body: 'Thông báo thử nhịp gửi.' });
          const paced = await sendRate(url, tg, 'bench-paced', RATE, true, LANES);
          const deviation = ((paced - RATE) / RATE) * 100;
          const verdict = Math.abs(deviation) <= 5 ? 'within' : 'OUTSIDE';
          results.push({
            name: `paced send, ${PACED.toLocaleString('en-US')} recipients`,
            value: paced,
            unit: 'msg/s',
            note: `configured ${RATE}/s, ${LANES} lanes: deviation ${deviation.toFixed(1)} %, ${verdict} ±5 %; load average ${loadavg()[0]!.toFixed(1)} (below the rate = the engine's ceiling on this machine, see docs/broadcasts.md, Speed)`,
          });
        }
      } finally {
        await prisma.$disconnect();
      }
    });
  } finally {
    await tg.close();
  }
  results.push({ name: 'RSS after the run', value: Math.round(process.memoryUsage().rss / 1024 / 1024), unit: 'MiB' });
  return results;
}
