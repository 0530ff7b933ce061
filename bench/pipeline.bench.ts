/**
 * End-to-end turn throughput: console HTTP → inbound queue → worker turn (one
 * PostgreSQL transaction) → outbox → send. Baseline: no-op BullMQ jobs on the same
 * backend in the same process, so the ratio shows what a turn costs over the queue.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { BenchResult } from './bench-result.js';
import { loadConfig } from '../runtime/config.js';
import { createLogger } from '../runtime/logger.js';
import { withBenchDatabase as withDatabase } from './bench-database.js';
import { createQueueKit } from '../runtime/queues.js';
import { startApplication } from '../runtime/start-application.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TURNS = 600;
const USERS = 60;


async function noopJobsPerSecond(databaseUrl: string, redisUrl: string | null): Promise<number> {
  const kit = createQueueKit({ databaseUrl, redisUrl, prefix: `bench-${randomBytes(3).toString('hex')}` });
  const queue = kit.queue<{ n: number }>('inbound');
  let done = 0;
  let finished!: () => void;
  const all = new Promise<void>((resolve) => (finished = resolve));
  kit.worker<{ n: number }>('inbound', async () => {
    if (++done === TURNS) finished();
  }, { concurrency: 8 });
  const started = performance.now();
  await queue.addBulk(Array.from({ length: TURNS }, (_, n) => ({ name: 'noop', data: { n } })));
  await all;
  const seconds = (performance.now() - started) / 1000;
  await queue.obliterate({ force: true }).catch(() => undefined);
  await kit.close();
  return TURNS / seconds;
}

async function turnsPerSecond(databaseUrl: string, redisUrl: string | null): Promise<{ rate: number; rssMb: number }> {
  const prefix = `bench-${randomBytes(3).toString('hex')}`;
  const config = loadConfig({ DATABASE_URL: databaseUrl, ...(redisUrl ? { REDIS_URL: redisUrl } : {}), QUEUE_PREFIX: prefix, PORT: '0', CONSOLE_ENABLED: 'true', LOG_LEVEL: 'silent' });
  const app = await startApplication({ config, logger: createLogger({ level: 'silent' }) });
  try {
    const post = (path: string, body: unknown) =>
      fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    for (let u = 0; u < USERS; u++) await post('/console/api/users', { id: `u${u}` });
    const started = performance.now();
    const sends: Promise<Response>[] = [];
    for (let n = 0; n < TURNS; n++) sends.push(post('/console/api/messages', { userId: `u${n % USERS}`, text: n % 2 ? 'xin chào' : 'trợ giúp' }));
    await Promise.all(sends);
    while ((await app.prisma.outboundMessage.count({ where: { status: 'sent' } })) < TURNS) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const seconds = (performance.now() - started) / 1000;
    return { rate: TURNS / seconds, rssMb: process.memoryUsage().rss / 2 ** 20 };
  } finally {
    await app.close();
    if (redisUrl) {
      const redis = new Redis(redisUrl);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
  }
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const backend of ['redis', 'postgres'] as const) {
    const redisUrl = backend === 'redis' ? REDIS_URL : null;
    await withDatabase(async (url) => {
      const baseline = await noopJobsPerSecond(url, redisUrl);
      const { rate, rssMb } = await turnsPerSecond(url, redisUrl);
      results.push({ name: `no-op jobs/s (${backend} queue, baseline)`, value: baseline, unit: 'jobs/s', note: `${TURNS} jobs, concurrency 8` });
      results.push({ name: `console turns/s end to end (${backend} queue)`, value: rate, unit: 'turns/s', note: `${(rate / baseline).toFixed(2)}× baseline; ${TURNS} turns, ${USERS} users` });
      results.push({ name: `process RSS after turns (${backend})`, value: rssMb, unit: 'MiB' });
    });
  }
  return results;
}
