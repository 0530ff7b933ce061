/**
 * Webhook ingress, Telegram-shaped updates, 50 keep-alive connections, each server
 * in its own process and measured one after the other in the same run: bare
 * express, grammY's `webhookCallback` with a no-op handler, express + `queue.add`
 * on the same Redis, and the project's webhooks role. Targets (issue 14): ours ≥
 * 1.0× grammY, p99 ≤ 1.2× express + queue.add's p99.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { BenchResult } from './bench-result.js';
import { withBenchDatabase } from './bench-database.js';
import { runHttpLoad, type LoadResult } from './support/http-load.js';
import { rssMiB } from './support/process-stats.js';
import { benchUsesCompiledBuild, spawnBenchScript, spawnRole, type RunningProcess } from './support/spawn-role.js';
import { deleteBenchQueueKeys } from './support/redis-keys.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = 'bench_webhook_secret';
const SECONDS = Number(process.env.BENCH_INGRESS_SECONDS ?? 6);
const CONNECTIONS = 50;
const USERS = 2_000;

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

async function measure(server: RunningProcess): Promise<LoadResult & { rss: number }> {
  try {
    const load = await runHttpLoad({
      url: `${server.url}/webhooks/telegram`,
      connections: CONNECTIONS,
      durationMs: SECONDS * 1000,
      warmupMs: 1_000,
      body: telegramUpdate,
      headers: { 'x-telegram-bot-api-secret-token': SECRET },
    });
    return { ...load, rss: rssMiB(server.pid) };
  } finally {
    await server.stop();
  }
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const prefix = `bench-${randomBytes(3).toString('hex')}`;
  const common = { REDIS_URL, QUEUE_PREFIX: prefix, TELEGRAM_WEBHOOK_SECRET: SECRET };
  results.push({ name: 'machine', value: os.cpus().length, unit: 'cores', note: `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}` });
  try {
    // BENCH_INGRESS_ONLY_OURS=1: only the project's webhooks (profiling); the ratios are then meaningless.
    const onlyOurs = process.env.BENCH_INGRESS_ONLY_OURS === '1';
    const baseline = async (kind: string) => (onlyOurs ? { requestsPerSecond: 1, p50Ms: 1, p99Ms: 1, requests: 0, errors: 0, rss: 0 } : measure(await spawnBenchScript('ingress-target.ts', [kind], common)));
    const express = await baseline('express');
    const grammy = await baseline('grammy');
    const queued = await baseline('express-queue');
    const ours = await withBenchDatabase(async (databaseUrl) =>
      measure(
        await spawnRole('webhooks', {
          ...common,
          DATABASE_URL: databaseUrl,
          PORT: '0',
          LOG_LEVEL: 'info',
          TELEGRAM_BOT_TOKEN: '123456:BENCH',
          TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
        }),
      ),
    );
    const row = (name: string, r: LoadResult & { rss: number }, note: string): void => {
      results.push({ name: `ingress ${name}`, value: Math.round(r.requestsPerSecond), unit: 'req/s', note: `p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, ${r.errors} errors, RSS ${r.rss.toFixed(0)} MiB${note}` });
    };
    row('bare express', express, '');
    row('grammY webhookCallback (no-op)', grammy, `; ${(grammy.requestsPerSecond / express.requestsPerSecond).toFixed(2)}× express`);
    row('express + queue.add', queued, '');
    row(`ours (webhooks role${benchUsesCompiledBuild() ? ', compiled' : ', tsx'})`, ours, '');
    results.push({ name: 'ingress ours / grammY (target ≥ 1.0)', value: Number((ours.requestsPerSecond / grammy.requestsPerSecond).toFixed(2)), unit: '×' });
    results.push({ name: 'ingress ours / express + queue.add', value: Number((ours.requestsPerSecond / queued.requestsPerSecond).toFixed(2)), unit: '×' });
    results.push({ name: 'ingress p99 ours / express + queue.add (≤ 1.2)', value: Number((ours.p99Ms / queued.p99Ms).toFixed(2)), unit: '×' });
  } finally {
    await deleteBenchQueueKeys(REDIS_URL, prefix);
  }
  return results;
}
