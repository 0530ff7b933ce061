/**
 * End-to-end turn capacity as production runs it: one webhooks process, one or two
 * worker processes (compiled build when present), the loopback fake Telegram,
 * distinct users, pacing off (`TELEGRAM_SEND_RATE=0`). Every update is posted to
 * the webhook at once (50 connections), so the figure is the capacity under a
 * backlog; latency is post → the fake receiving the reply. The ceiling: BullMQ
 * no-op jobs/s at concurrency 8 on the same queue store, measured in the same run.
 * Target (issue 14): turns/s ≥ 0.05 × no-op jobs/s.
 */
import { randomBytes } from 'node:crypto';
import { createQueueKit } from '../runtime/queues.js';
import { createPrismaClient } from '../runtime/database.js';
import { runSeed } from '../prisma/seed/seed.js';
import { FakeTelegram } from '../test/fakes/telegram.fake.js';
import type { BenchResult } from './bench-result.js';
import { withBenchDatabase } from './bench-database.js';
import { cpuMs, quantile, rssMiB } from './support/process-stats.js';
import { benchUsesCompiledBuild, spawnRole, type RunningProcess } from './support/spawn-role.js';
import { deleteBenchQueueKeys } from './support/redis-keys.js';
import { postAll } from './support/post-all.js';
import { benchRoleEnv } from './support/role-env.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = 'bench_webhook_secret';
/** Turns per run; each run stops waiting after BENCH_TURN_SECONDS (default 45 s) and reports what finished. */
const TURNS = { redis: Number(process.env.BENCH_TURNS ?? 1_000), postgres: Number(process.env.BENCH_TURNS_PG ?? 400) };
const WAIT_SECONDS = Number(process.env.BENCH_TURN_SECONDS ?? 45);
const IDLE_MS = 3_000;
const SETTLE_MS = 5_000;

async function noopJobsPerSecond(databaseUrl: string, redisUrl: string | null, jobs: number): Promise<number> {
  const kit = createQueueKit({ databaseUrl, redisUrl, prefix: `bench-${randomBytes(3).toString('hex')}` });
  const queue = kit.queue<{ n: number }>('inbound');
  let done = 0;
  let finished!: () => void;
  const all = new Promise<void>((resolve) => (finished = resolve));
  kit.worker<{ n: number }>('inbound', async () => {
    if (++done === jobs) finished();
  }, { concurrency: 8 });
  const started = performance.now();
  for (let n = 0; n < jobs; n += 500) await queue.addBulk(Array.from({ length: Math.min(500, jobs - n) }, (_, i) => ({ name: 'noop', data: { n: n + i } })));
  await all;
  const seconds = (performance.now() - started) / 1000;
  await queue.obliterate({ force: true }).catch(() => undefined);
  await kit.close();
  return jobs / seconds;
}

interface TurnRun {
  turns: number;
  answered: number;
  rate: number;
  p50Ms: number;
  p99Ms: number;
  cpuMsPerTurn: number;
  /** The same without the workers' background CPU (measured idle just before). */
  turnCpuMsPerTurn: number;
  idleMsPerSecond: number;
  rss: { webhooks: number; workers: number[] };
}

async function turnsPerSecond(databaseUrl: string, redisUrl: string | null, workers: number, turns: number): Promise<TurnRun> {
  const prefix = `bench-${randomBytes(3).toString('hex')}`;
  const tg = await new FakeTelegram().start();
  const env: Record<string, string> = {
    ...benchRoleEnv({ databaseUrl, redisUrl, prefix, telegram: tg, webhookSecret: SECRET }),
    // BENCH_ROLE_NODE_OPTIONS: V8 flags for the product's processes (e.g. --max-semi-space-size=4).
    ...(process.env.BENCH_ROLE_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_ROLE_NODE_OPTIONS } : {}),
  };
  const processes: RunningProcess[] = [];
  try {
    processes.push(await spawnRole('webhooks', env));
    for (let w = 0; w < workers; w++) processes.push(await spawnRole('worker', env));
    const [webhooks, ...workerProcesses] = processes as [RunningProcess, ...RunningProcess[]];
    const base = 9_000_000 + Math.floor(Math.random() * 1_000_000) * 10_000;
    const postedAt = new Map<string, number>();
    // What the workers burn doing nothing (sweepers, relay, queue polls), to tell it from the turns' cost.
    // Let start-up work (JIT, first sweeps) settle first, or it counts as background.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const idleBefore = workerProcesses.map((p) => cpuMs(p.pid));
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idleMsPerSecond = workerProcesses.reduce((sum, p, i) => sum + cpuMs(p.pid) - idleBefore[i]!, 0) / (IDLE_MS / 1000);
    const cpuBefore = workerProcesses.map((p) => cpuMs(p.pid));
    const started = performance.now();
    const startedWall = Date.now();
    await postAll({
      url: `${webhooks.url}/webhooks/telegram`,
      count: turns,
      connections: 50,
      headers: { 'x-telegram-bot-api-secret-token': SECRET },
      body: (n) => {
        const userId = base + n;
        postedAt.set(String(userId), Date.now());
        return JSON.stringify({
          update_id: base + n,
          message: { message_id: n + 1, date: 1_763_900_000, chat: { id: userId, type: 'private', first_name: 'Lan' }, from: { id: userId, is_bot: false, first_name: 'Lan', language_code: 'vi' }, text: n % 2 ? 'xin chào' : 'thu 7 nay p cua nam co ngay hoi ko' },
        });
      },
    });
    // First reply per chat: the turn's answer reached the platform.
    const answeredAt = new Map<string, number>();
    let scanned = 0;
    let last = started;
    while (answeredAt.size < turns && performance.now() - started < WAIT_SECONDS * 1000) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      const calls = tg.calls;
      for (; scanned < calls.length; scanned++) {
        const call = calls[scanned]!;
        const chat = String(call.body.chat_id ?? '');
        if (postedAt.has(chat) && !answeredAt.has(chat)) {
          answeredAt.set(chat, call.at);
          last = performance.now();
        }
      }
    }
    const seconds = (last - started) / 1000;
    const cpu = workerProcesses.reduce((sum, p, i) => sum + cpuMs(p.pid) - cpuBefore[i]!, 0);
    const busySeconds = (performance.now() - started) / 1000;
    const latencies = [...answeredAt].map(([chat, at]) => at - postedAt.get(chat)!);
    void startedWall;
    return {
      turns,
      answered: answeredAt.size,
      rate: answeredAt.size / seconds,
      p50Ms: quantile(latencies, 0.5),
      p99Ms: quantile(latencies, 0.99),
      cpuMsPerTurn: cpu / Math.max(1, answeredAt.size),
      turnCpuMsPerTurn: Math.max(0, cpu - idleMsPerSecond * busySeconds) / Math.max(1, answeredAt.size),
      idleMsPerSecond,
      rss: { webhooks: rssMiB(webhooks.pid), workers: workerProcesses.map((p) => rssMiB(p.pid)) },
    };
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await tg.close();
    if (redisUrl) await deleteBenchQueueKeys(redisUrl, prefix);
  }
}

async function seeded(databaseUrl: string): Promise<void> {
  const prisma = createPrismaClient(databaseUrl, { maxConnections: 2 });
  try {
    await runSeed(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const build = benchUsesCompiledBuild() ? 'compiled' : 'tsx';
  const backends = (process.env.BENCH_BACKENDS ?? 'redis,postgres').split(',') as Array<'redis' | 'postgres'>;
  for (const backend of backends) {
    const redisUrl = backend === 'redis' ? REDIS_URL : null;
    const workerCounts = backend === 'redis' ? (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number) : [1];
    await withBenchDatabase(async (url) => {
      await seeded(url);
      const baseline = await noopJobsPerSecond(url, redisUrl, backend === 'redis' ? 5_000 : 1_000);
      results.push({ name: `no-op jobs/s (${backend} queue, ceiling)`, value: Math.round(baseline), unit: 'jobs/s', note: 'BullMQ, concurrency 8, same store, same run' });
      for (const workers of workerCounts) {
        const r = await turnsPerSecond(url, redisUrl, workers, TURNS[backend]);
        const label = `${workers} worker${workers > 1 ? 's' : ''}, ${backend}`;
        results.push({
          name: `turns/s end to end (${label})`,
          value: Math.round(r.rate),
          unit: 'turns/s',
          note: `${(r.rate / baseline).toFixed(3)}× ceiling (target ≥ 0.05); ${r.answered}/${r.turns} answered; p50 ${Math.round(r.p50Ms)} ms, p99 ${Math.round(r.p99Ms)} ms under the backlog; ${build}`,
        });
        results.push({ name: `worker CPU per turn (${label})`, value: Number(r.cpuMsPerTurn.toFixed(1)), unit: 'ms', note: `all worker CPU during the run / turns answered; ${r.turnCpuMsPerTurn.toFixed(1)} ms without the background measured at rest (${r.idleMsPerSecond.toFixed(0)} ms/s)` });
        results.push({ name: `RSS after the run (${label})`, value: Math.round(Math.max(...r.rss.workers)), unit: 'MiB', note: `worker(s) ${r.rss.workers.map((v) => v.toFixed(0)).join(', ')}; webhooks ${r.rss.webhooks.toFixed(0)} MiB` });
      }
    });
  }
  return results;
}
