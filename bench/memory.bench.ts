/**
 * RSS of each production role (issue 14 item 4: worker ≤ 150 MiB, webhooks ≤ 120 MiB in
 * steady state), compiled build when present, as `npm run start:prod:*` runs them:
 * one webhooks and one worker process, Redis queues, the loopback fake Telegram, pacing off.
 *
 * Phases, RSS read from /proc at the end of each:
 *   at rest          — 8 s after start, nothing sent;
 *   burst            — BENCH_MEMORY_TURNS (1,000) updates posted at once (50 connections), all answered;
 *   sustained        — BENCH_MEMORY_RATE (20) turns/s for BENCH_MEMORY_SECONDS (20 s), distinct users;
 *   steady state     — 30 s after the load ended (the figure held against the targets).
 * Then a full GC in each process (bench/support/memory-probe.mjs) splits the RSS into live
 * heap, heap V8 keeps, external and the rest (code, malloc, wasm).
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { createPrismaClient } from '../runtime/database.js';
import { runSeed } from '../prisma/seed/seed.js';
import { FakeTelegram } from '../test/fakes/telegram.fake.js';
import type { BenchResult } from './bench-result.js';
import { withBenchDatabase } from './bench-database.js';
import { rssMiB } from './support/process-stats.js';
import { benchUsesCompiledBuild, spawnRole, type RunningProcess } from './support/spawn-role.js';
import { deleteBenchQueueKeys } from './support/redis-keys.js';
import { benchRoleEnv } from './support/role-env.js';
import { postAll } from './support/post-all.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = 'bench_webhook_secret';
const BURST_TURNS = Number(process.env.BENCH_MEMORY_TURNS ?? 1_000);
const RATE = Number(process.env.BENCH_MEMORY_RATE ?? 20);
const SUSTAINED_SECONDS = Number(process.env.BENCH_MEMORY_SECONDS ?? 20);
const STEADY_WAIT_MS = 30_000;
const TARGETS = { webhooks: 120, worker: 150 } as const;
const PROBE = pathToFileURL(path.join(import.meta.dirname, 'support', 'memory-probe.mjs')).href;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface HeapBreakdown {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  before: { rss: number; heapUsed: number; heapTotal: number; external: number };
}

/** Full GC in the process, then its memory breakdown (the probe answers SIGUSR2 on stderr). */
function heapBreakdown(p: RunningProcess): Promise<HeapBreakdown | null> {
  return new Promise((resolve) => {
    let seen = '';
    const timer = setTimeout(() => done(null), 5_000);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const line = /MEMORY (\{.*\})\n/.exec(seen);
      if (line) done(JSON.parse(line[1]!) as HeapBreakdown);
    };
    const done = (value: HeapBreakdown | null) => {
      clearTimeout(timer);
      p.child.stderr!.off('data', onData);
      resolve(value);
    };
    p.child.stderr!.on('data', onData);
    p.child.kill('SIGUSR2');
  });
}

function update(userId: number, n: number): string {
  return JSON.stringify({
    update_id: userId,
    message: { message_id: n + 1, date: 1_763_900_000, chat: { id: userId, type: 'private', first_name: 'Lan' }, from: { id: userId, is_bot: false, first_name: 'Lan', language_code: 'vi' }, text: n % 2 ? 'xin chào' : 'thu 7 nay p cua nam co ngay hoi ko' },
  });
}

/** Waits until the fake has answered `count` distinct chats of `chats` (or `seconds` pass); returns how many. */
async function answered(tg: FakeTelegram, chats: Set<string>, count: number, seconds: number): Promise<number> {
  const seen = new Set<string>();
  const started = performance.now();
  let scanned = 0;
  while (seen.size < count && performance.now() - started < seconds * 1000) {
    await sleep(50);
    const calls = tg.calls;
    for (; scanned < calls.length; scanned++) {
      const chat = String(calls[scanned]!.body.chat_id ?? '');
      if (chats.has(chat)) seen.add(chat);
    }
  }
  return seen.size;
}

export async function run(): Promise<BenchResult[]> {
  const build = benchUsesCompiledBuild() ? 'compiled' : 'tsx';
  return withBenchDatabase(async (databaseUrl) => {
    const prisma = createPrismaClient(databaseUrl, { maxConnections: 2 });
    await runSeed(prisma).finally(() => prisma.$disconnect());
    const prefix = `bench-mem-${randomBytes(3).toString('hex')}`;
    const tg = await new FakeTelegram().start();
    const env: Record<string, string> = {
      ...benchRoleEnv({ databaseUrl, redisUrl: REDIS_URL, prefix, telegram: tg, webhookSecret: SECRET }),
      NODE_OPTIONS: `--import ${PROBE} ${process.env.BENCH_ROLE_NODE_OPTIONS ?? ''}`.trim(),
    };
    const roles: Array<{ role: 'webhooks' | 'worker'; p: RunningProcess }> = [];
    const rows: Record<string, Record<'webhooks' | 'worker', number>> = {};
    const record = (phase: string) => (rows[phase] = { webhooks: rssMiB(roles[0]!.p.pid), worker: rssMiB(roles[1]!.p.pid) });
    try {
      roles.push({ role: 'webhooks', p: await spawnRole('webhooks', env) });
      roles.push({ role: 'worker', p: await spawnRole('worker', env) });
      const webhookUrl = `${roles[0]!.p.url}/webhooks/telegram`;
      const headers = { 'x-telegram-bot-api-secret-token': SECRET };
      await sleep(8_000);
      record('at rest');

      const base = 7_000_000 + Math.floor(Math.random() * 1_000_000) * 10_000;
      const burstChats = new Set<string>();
      await postAll({ url: webhookUrl, count: BURST_TURNS, connections: 50, headers, body: (n) => (burstChats.add(String(base + n)), update(base + n, n)) });
      const burstAnswered = await answered(tg, burstChats, BURST_TURNS, 120);
      record('after the burst');

      // Sustained moderate load: RATE turns/s, one POST each tick, distinct users.
      const sustainedChats = new Set<string>();
      const total = RATE * SUSTAINED_SECONDS;
      const started = performance.now();
      for (let n = 0; n < total; n++) {
        const due = started + (n * 1000) / RATE;
        if (due > performance.now()) await sleep(due - performance.now());
        const userId = base + BURST_TURNS + n;
        sustainedChats.add(String(userId));
        await postAll({ url: webhookUrl, count: 1, connections: 1, headers, body: () => update(userId, n) });
      }
      const sustainedAnswered = await answered(tg, sustainedChats, total, 30);
      record('end of sustained load');

      await sleep(STEADY_WAIT_MS);
      record('steady state (30 s after)');
      const breakdown = await Promise.all(roles.map(({ p }) => heapBreakdown(p)));

      const results: BenchResult[] = [];
      for (const [i, { role }] of roles.entries()) {
        for (const [phase, rss] of Object.entries(rows)) {
          const steady = phase.startsWith('steady');
          results.push({
            name: `${role} RSS ${phase}`,
            value: Math.round(rss[role]),
            unit: 'MiB',
            note: steady ? `target ≤ ${TARGETS[role]} MiB: ${rss[role] <= TARGETS[role] ? 'met' : 'NOT met'}; ${build}` : undefined,
          });
        }
        const b = breakdown[i];
        if (b) results.push({ name: `${role} after a full GC`, value: Math.round(b.rss), unit: 'MiB RSS', note: `before it: RSS ${b.before.rss}, heap ${b.before.heapUsed} used of ${b.before.heapTotal}, external ${b.before.external}; after: live heap ${b.heapUsed} of ${b.heapTotal}, external ${b.external} (arrayBuffers ${b.arrayBuffers}) MiB; the rest is code, malloc and wasm` });
      }
      results.push({ name: 'turns answered (burst, sustained)', value: burstAnswered + sustainedAnswered, unit: 'turns', note: `${burstAnswered}/${BURST_TURNS} burst, ${sustainedAnswered}/${total} at ${RATE}/s for ${SUSTAINED_SECONDS} s` });
      return results;
    } finally {
      await Promise.all(roles.map(({ p }) => p.stop()));
      await tg.close();
      await deleteBenchQueueKeys(REDIS_URL, prefix);
    }
  });
}
