/**
 * Webhook ingress, Telegram-shaped updates, 50 keep-alive connections, each server
 * in its own process and measured one after the other in the same run: bare
 * express, grammY's `webhookCallback` with a no-op handler, express + `queue.add`
 * on the same Redis, and the project's webhooks role (on its single-account path and on
 * the per-account path `/webhooks/telegram/:account`). Targets (issue 14): ours ≥
 * 1.0× grammY, p99 ≤ 1.2× express + queue.add's p99.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { BenchResult } from './bench-result.js';
import { withBenchDatabase } from './bench-database.js';
import { mergeLoadResults, runHttpLoad, type LoadResult } from './support/http-load.js';
import { rssMiB } from './support/process-stats.js';
import { benchUsesCompiledBuild, spawnBenchScript, spawnRole, type RunningProcess } from './support/spawn-role.js';
import { deleteBenchQueueKeys } from './support/redis-keys.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = 'bench_webhook_secret';
/** Measured seconds per server, split over ROUNDS turns. */
const SECONDS = Number(process.env.BENCH_INGRESS_SECONDS ?? 8);
const ROUNDS = 4;
const CONNECTIONS = 50;
const USERS = 2_000;
/** BENCH_INGRESS_VARIANTS=1: also express + queue.add with ioredis auto-pipelining, and with our batched addBulk. */
const VARIANTS = process.env.BENCH_INGRESS_VARIANTS === '1' ? ['express-queue-autopipeline', 'express-queue-batched'] : [];
/**
 * BENCH_INGRESS_BASELINE=<dir>: a copy of an earlier `dist/` (e.g. `cp -r dist /tmp/base` on the
 * commit before a change, inside the repository so it finds node_modules), measured in the same
 * turns as today's build: a before/after that a load spike cannot bias.
 */
const BASELINE = process.env.BENCH_INGRESS_BASELINE;

let nextUpdateId = Date.now();
function telegramUpdate(): string {
  const updateId = nextUpdateId++;
  const userId = 7_000_000 + (updateId % USERS);
  return JSON.stringify({
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1_763_900_000,
      chat: { id: userId, type: 'private', first_name: 'Lan' },
      from: { id: userId, is_bot: false, first_name: 'Lan', language_code: 'vi' },
      text: 'thu 7 nay p cua nam co ngay hoi ko',
    },
  });
}

/**
 * The machine is shared: measure the four servers in turns (A B C D A B C D …), all
 * started beforehand, so a load spike hits each of them rather than one.
 */
async function measureInTurns(servers: Array<RunningProcess & { path?: string }>): Promise<Array<LoadResult & { rss: number }>> {
  const runs: LoadResult[][] = servers.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, server] of servers.entries()) {
      runs[i]!.push(
        await runHttpLoad({
          url: `${server.url}${server.path ?? '/webhooks/telegram'}`,
          connections: CONNECTIONS,
          durationMs: (SECONDS * 1000) / ROUNDS,
          warmupMs: round === 0 ? 1_000 : 300,
          body: telegramUpdate,
          headers: { 'x-telegram-bot-api-secret-token': SECRET },
          serverPid: server.pid,
        }),
      );
    }
  }
  return servers.map((server, i) => ({ ...mergeLoadResults(runs[i]!), rss: rssMiB(server.pid) }));
}

/** The server's CPU time per measured request, in µs (NaN when its pid could not be read). */
function cpuPerRequestUs(r: LoadResult): number {
  return r.serverCpuMs === undefined || r.requests === 0 ? Number.NaN : (r.serverCpuMs * 1000) / r.requests;
}
function cpuPerRequest(r: LoadResult): string {
  return cpuPerRequestUs(r).toFixed(0);
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const prefix = `bench-${randomBytes(3).toString('hex')}`;
  const common = { REDIS_URL, QUEUE_PREFIX: prefix, TELEGRAM_WEBHOOK_SECRET: SECRET };
  results.push({ name: 'machine', value: os.cpus().length, unit: 'cores', note: `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}` });
  try {
    const ours = await withBenchDatabase(async (databaseUrl) => {
      const servers: RunningProcess[] = [];
      try {
        for (const kind of ['express', 'grammy', 'express-queue']) servers.push(await spawnBenchScript('ingress-target.ts', [kind], common));
        const roleEnv = {
          ...common,
          DATABASE_URL: databaseUrl,
          PORT: '0',
          LOG_LEVEL: 'info',
          TELEGRAM_BOT_TOKEN: '123456:BENCH',
          TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
        };
        servers.push(await spawnRole('webhooks', roleEnv));
        // The same webhooks process once more on the per-account path (`/webhooks/telegram/:account`,
        // the environment's bot is the account `default`): the fast path's prefix look-up + the account gate.
        const variants: RunningProcess[] = [];
        for (const kind of VARIANTS) variants.push(await spawnBenchScript('ingress-target.ts', [kind], common));
        if (BASELINE) variants.push(await spawnRole('webhooks', { ...roleEnv, PORT: '0' }, { compiledDir: BASELINE }));
        servers.push(...variants);
        return await measureInTurns([...servers.slice(0, 4), { ...servers[3]!, path: '/webhooks/telegram/default' }, ...variants]);
      } finally {
        await Promise.all(servers.map((server) => server.stop()));
      }
    });
    const [express, grammy, queued, project, perAccount, ...variantResults] = ours as Array<LoadResult & { rss: number }> as [LoadResult & { rss: number }, LoadResult & { rss: number }, LoadResult & { rss: number }, LoadResult & { rss: number }, LoadResult & { rss: number }, ...Array<LoadResult & { rss: number }>];
    const row = (name: string, r: LoadResult & { rss: number }, note: string): void => {
      results.push({ name: `ingress ${name}`, value: Math.round(r.requestsPerSecond), unit: 'req/s', note: `p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, ${cpuPerRequest(r)} µs CPU/request, ${r.errors} errors, RSS ${r.rss.toFixed(0)} MiB${note}` });
    };
    row('bare express', express, '');
    row('grammY webhookCallback (no-op)', grammy, `; ${(grammy.requestsPerSecond / express.requestsPerSecond).toFixed(2)}× express`);
    row('express + queue.add', queued, '');
    for (const [i, kind] of VARIANTS.entries()) row(kind.replace('express-queue-', 'express + queue.add, '), variantResults[i]!, `; ${(variantResults[i]!.requestsPerSecond / queued.requestsPerSecond).toFixed(2)}× express + queue.add`);
    const baseline = BASELINE ? variantResults[VARIANTS.length] : undefined;
    row(`ours (webhooks role${benchUsesCompiledBuild() ? ', compiled' : ', tsx'})`, project, '');
    row('ours, per-account path /webhooks/telegram/:account', perAccount, `; ${(perAccount.requestsPerSecond / project.requestsPerSecond).toFixed(2)}× the single-account path`);
    if (baseline) {
      row('ours, baseline build (BENCH_INGRESS_BASELINE)', baseline, `; today's build: ${(project.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)}× its req/s, ${(cpuPerRequestUs(project) / cpuPerRequestUs(baseline)).toFixed(2)}× its CPU/request`);
      results.push({ name: 'ingress baseline / grammY', value: Number((baseline.requestsPerSecond / grammy.requestsPerSecond).toFixed(2)), unit: '×' });
    }
    results.push({ name: 'ingress ours / grammY (target ≥ 1.0)', value: Number((project.requestsPerSecond / grammy.requestsPerSecond).toFixed(2)), unit: '×' });
    results.push({ name: 'ingress ours / express + queue.add', value: Number((project.requestsPerSecond / queued.requestsPerSecond).toFixed(2)), unit: '×' });
    // CPU per request is what a load spike on the shared machine disturbs least: read it with the ratios.
    results.push({ name: 'ingress CPU/request ours / grammY (≤ 1.0 is faster)', value: Number((cpuPerRequestUs(project) / cpuPerRequestUs(grammy)).toFixed(2)), unit: '×' });
    results.push({ name: 'ingress p99 ours / express + queue.add (≤ 1.2)', value: Number((project.p99Ms / queued.p99Ms).toFixed(2)), unit: '×' });
  } finally {
    await deleteBenchQueueKeys(REDIS_URL, prefix);
  }
  return results;
}
