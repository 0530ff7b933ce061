/**
 * One process, no queue: runs N conversation turns straight through the inbound
 * processor (worker/inbound/process-inbound.ts) on a fresh seeded database, and
 * prints the CPU and the SQL round trips one turn costs. For profiling:
 *   node --cpu-prof --import tsx bench/support/profile-turn.ts [turns] [--sql]
 * With `node --expose-gc` it also prints the live heap before and after the turns.
 * `--sql` prints every statement of the last turn.
 */
import pg from 'pg';
import { withBenchDatabase } from '../bench-database.js';
import { createPrismaClient } from '../../runtime/database.js';
import { runSeed } from '../../prisma/seed/seed.js';
import { createTranslator } from '../../bot/i18n/translator.js';
import { createNlu, CLARIFY_THRESHOLD } from '../../bot/nlu/index.js';
import { createNluUnderstanding } from '../../bot/conversation/nlu-understanding.js';
import { createBot } from '../../bot/create-bot.js';
import { systemClock } from '../../bot/core/clock.js';
import { createInboundProcessor } from '../../worker/inbound/process-inbound.js';
import { createBotServices } from '../../worker/store/bot-services.js';
import { createCatalogueCache } from '../../worker/store/catalogue-cache.js';
import { createLogger } from '../../runtime/logger.js';
import { LOCALES_DIR } from '../../runtime/start-application.js';
import type { InboundEvent } from '../../bot/core/inbound-event.js';

const turns = Number(process.argv[2] ?? 300);
const showSql = process.argv.includes('--sql');
/** With --expose-gc, the live heap is printed every this many turns (a fiftieth of the run, at least 1,000). */
const heapEvery = Math.max(1_000, Math.round(turns / 50));
const TEXTS = ['xin chào', 'thu 7 nay p cua nam co ngay hoi ko', 'trợ giúp'];

let statements: string[] = [];
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
  statements.push(String(text).replace(/\s+/g, ' ').slice(0, 220));
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

await withBenchDatabase(async (url) => {
  // PROFILE_PREPARED=0: no named statements; PROFILE_CUSTOM_PLANS=0: PostgreSQL's generic plans (runtime/database.ts).
  const prisma = createPrismaClient(url, { preparedStatements: process.env.PROFILE_PREPARED !== '0', customPlans: process.env.PROFILE_CUSTOM_PLANS !== '0' });
  await runSeed(prisma);
  const translator = createTranslator({ localesDir: LOCALES_DIR });
  const catalogues = createCatalogueCache();
  const bot = createBot({ clock: systemClock, translator, understand: createNluUnderstanding(createNlu({ clock: systemClock })), clarifyThreshold: CLARIFY_THRESHOLD });
  const processInbound = createInboundProcessor({ prisma, bot, logger: createLogger({ level: 'silent' }), defaultLocale: 'vi', createServices: (db, turn) => createBotServices(db, { catalogues }, turn) });
  const event = (n: number): InboundEvent =>
    ({ eventId: `p${n}`, channel: 'telegram', userId: `telegram:${8_000_000 + n}`, chatId: `telegram:${8_000_000 + n}`, chatType: 'direct', kind: 'text', text: TEXTS[n % TEXTS.length]!, at: new Date().toISOString(), displayName: 'Lan', languageCode: 'vi' }) as InboundEvent;
  // Warm up (JIT, caches), then measure.
  for (let n = 0; n < 30; n++) await processInbound(`warm-${n}`, event(1_000_000 + n));
  const perText = new Map<string, number>();
  // With --expose-gc: the live heap before and after the measured turns (growth = a leak per turn).
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  if (gc) console.log(`  before the turns: live heap ${(heapBefore / 2 ** 20).toFixed(1)} MiB`);
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let n = 0; n < turns; n++) {
    statements = [];
    await processInbound(`tg-${n}`, event(n));
    if (gc && n > 0 && n % heapEvery === 0) {
      gc();
      console.log(`  after ${n} turns: live heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1)} MiB (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    perText.set(TEXTS[n % TEXTS.length]!, statements.length);
  }
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - started;
  console.log(`${turns} turns, one at a time: ${(wall / turns).toFixed(2)} ms wall, ${((used.user + used.system) / 1000 / turns).toFixed(2)} ms CPU per turn`);
  if (gc) {
    gc();
    const heapAfter = process.memoryUsage().heapUsed;
    console.log(`live heap: ${(heapBefore / 2 ** 20).toFixed(1)} MiB before, ${(heapAfter / 2 ** 20).toFixed(1)} MiB after ${turns} turns (${(((heapAfter - heapBefore) / turns) * 1).toFixed(0)} bytes per turn); RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  }
  for (const [text, count] of perText) console.log(`  SQL statements per turn for "${text}": ${count}`);
  if (showSql) {
    for (const text of TEXTS) {
      statements = [];
      await processInbound(`sql-${text}`, event(TEXTS.indexOf(text) + 3 * 1_000_000));
      console.log(`--- "${text}"`);
      for (const s of statements) console.log(`  ${s}`);
    }
  }
  await prisma.$disconnect();
});
