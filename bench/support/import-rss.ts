/**
 * What each import costs in memory, each in a fresh `node` (compiled build when
 * `dist/` exists, so run `npm run build` first): `npx tsx bench/support/import-rss.ts`.
 * Prints RSS, heap and external growth after a full GC, per module. The figures are
 * standalone: two modules sharing a dependency each count it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const built = existsSync(path.join(root, 'dist', 'runtime', 'start-application.js'));
const app = (file: string) => (built ? path.join(root, 'dist', `${file}.js`) : path.join(root, `${file}.ts`));

/** Label → code run after the baseline (top-level await allowed). */
const probes: Record<string, string> = {
  'node alone': '',
  express: `await import('express')`,
  pino: `await import('pino')`,
  'prom-client': `await import('prom-client')`,
  'bullmq + ioredis': `await import('bullmq'); await import('ioredis')`,
  grammy: `await import('grammy')`,
  zod: `await import('zod')`,
  'prisma client (runtime/database)': `await import(${JSON.stringify(app('runtime/database'))})`,
  'prisma client, connected, one query': `const { createPrismaClient } = await import(${JSON.stringify(app('runtime/database'))}); const p = createPrismaClient(process.env.DATABASE_URL); await p.$queryRaw\`SELECT 1\`; await p.unit.findFirst(); globalThis.keep = p`,
  'exceljs': `await import('exceljs')`,
  '@resvg/resvg-js': `await import('@resvg/resvg-js')`,
  '@bull-board/express + api': `await import('@bull-board/express'); await import('@bull-board/api')`,
  'start-application (module graph)': `await import(${JSON.stringify(app('runtime/start-application'))})`,
  'bot/create-bot (features)': `await import(${JSON.stringify(app('bot/create-bot'))})`,
  'NLU trained': `const { createNlu } = await import(${JSON.stringify(app('bot/nlu/index'))}); globalThis.keep = createNlu({ clock: { now: () => new Date() } })`,
};

const only = process.argv.slice(2);
for (const [label, code] of Object.entries(probes)) {
  if (only.length > 0 && !only.some((o) => label.includes(o))) continue;
  const script = `
    const mib = (n) => (n / 1048576).toFixed(1);
    const settle = async () => { for (let i = 0; i < 3; i++) { globalThis.gc(); await new Promise((r) => setTimeout(r, 50)); } };
    await settle();
    const a = process.memoryUsage();
    ${code};
    await settle();
    const b = process.memoryUsage();
    console.log(JSON.stringify({ rss: mib(b.rss - a.rss), heap: mib(b.heapUsed - a.heapUsed), external: mib(b.external - a.external), total: mib(b.rss) }));
    process.exit(0);`;
  try {
    const out = execFileSync(process.execPath, ['--expose-gc', ...(built ? [] : ['--import', 'tsx']), '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const r = JSON.parse(out.trim().split('\n').pop()!) as Record<string, string>;
    console.log(`${label.padEnd(40)} RSS +${r.rss} MiB (heap +${r.heap}, external +${r.external}; process ${r.total} MiB)`);
  } catch (error) {
    console.log(`${label.padEnd(40)} failed: ${String((error as { stderr?: string }).stderr ?? error).split('\n').slice(0, 3).join(' ')}`);
  }
}
