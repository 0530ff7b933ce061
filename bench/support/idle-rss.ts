/**
 * RSS and background CPU of each role at rest (compiled build when present):
 * `npx tsx bench/support/idle-rss.ts`. Prints one line per role.
 */
import { withBenchDatabase } from '../bench-database.js';
import { cpuMs, rssMiB } from './process-stats.js';
import { spawnRole } from './spawn-role.js';

await withBenchDatabase(async (url) => {
  for (const role of ['webhooks', 'worker'] as const) {
    const p = await spawnRole(role, { DATABASE_URL: url, REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', QUEUE_PREFIX: `idle-${process.pid}`, PORT: '0', LOG_LEVEL: 'info', NODE_OPTIONS: process.env.ROLE_NODE_OPTIONS ?? '' });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const cpu = cpuMs(p.pid);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    console.log(`${role}: RSS ${rssMiB(p.pid).toFixed(0)} MiB at rest; background CPU ${((cpuMs(p.pid) - cpu) / 5).toFixed(1)} ms/s`);
    await p.stop();
  }
});
