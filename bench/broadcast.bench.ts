/**
 * Broadcast fan-out at scale (issue 11 "Done when"), all through the whole worker against
 * loopback fakes of Telegram, Zalo Bot and Zalo OA (plus the console), recipients spread
 * over the four channels:
 *
 * 1. Planning time for `BENCH_BROADCAST_RECIPIENTS` (default 2,000; the issue's figure is
 *    100,000) — the set-based INSERT … SELECT in batches.
 * 2. The unthrottled send rate for the same recipients (every channel's pace 0): the engine's
 *    own ceiling on this machine, in total and per channel (each over the interval in which
 *    that channel was sending). Then RSS.
 * 3. One lane sending `BENCH_BROADCAST_LANE_ROWS` Telegram rows (default 500) unpaced on each
 *    queue backend, Redis and PostgreSQL, with their ratio (`=0` skips it).
 * 4. The paced check: `BENCH_BROADCAST_PACED` recipients (default 10,000; `=0` skips it), a
 *    quarter on the console (no platform, unpaced), the rest over Telegram, Zalo Bot and Zalo
 *    OA in proportion to their paces. A pace the machine cannot hold measures the CPU, not the
 *    pacer, so each pace is its default (Telegram 100/s, Zalo Bot 40/s, Zalo OA 40/s) capped
 *    at `BENCH_BROADCAST_HEADROOM` (default 0.5) × what that channel reached unthrottled in
 *    step 2; `BENCH_BROADCAST_PACES=telegram=100,zalo-bot=40,zalo-oa=40` sets them outright.
 *    Prints per channel: planned, sent, skipped, the fake's per-recipient delivery counts (max
 *    per chat must be 1, sum must equal sent) and the measured rate (first to last request the
 *    fake answered) against the configured one, "within ±5 %" or "OUTSIDE ±5 %".
 *
 * Needs Redis (steps 2 and 4 run on the Redis queue backend, as production does).
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
import { createPrismaClient, type PrismaClient } from '../runtime/database.js';
import { startApplication } from '../runtime/start-application.js';
import { runSeed } from '../prisma/seed/seed.js';
import { planBroadcast } from '../worker/broadcast/plan-broadcast.js';
import { DEFAULT_BROADCAST_SETTINGS } from '../worker/broadcast/broadcast-settings.js';
import { FakeTelegram } from '../test/fakes/telegram.fake.js';
import { FakeZaloBot } from '../test/fakes/zalo-bot.fake.js';
import { FakeZaloOa } from '../test/fakes/zalo-oa.fake.js';
import type { RecordedCall } from '../test/fakes/fake-server.js';
import { zaloOaPayloads } from '../test/fakes/payloads.js';
import { seedSubscribers, waitForStatus, createReadyBroadcast, deliveriesPerChat } from '../test/worker/broadcast/broadcast-fixtures.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const RECIPIENTS = Number(process.env.BENCH_BROADCAST_RECIPIENTS ?? 2_000);
const PACED = Number(process.env.BENCH_BROADCAST_PACED ?? 10_000);
const LANES = Number(process.env.BENCH_BROADCAST_LANES ?? 2);
const LANE_ROWS = Number(process.env.BENCH_BROADCAST_LANE_ROWS ?? 500);
const HEADROOM = Number(process.env.BENCH_BROADCAST_HEADROOM ?? 0.5);
// `=0` skips step 2 (e.g. planning 100,000 alone); the paced check then takes the default paces.
const UNTHROTTLED = process.env.BENCH_BROADCAST_UNTHROTTLED !== '0';
const UNIT = 'hn-p-cuanam';

type Platform = 'telegram' | 'zalo-bot' | 'zalo-oa';
const PLATFORMS: Platform[] = ['telegram', 'zalo-bot', 'zalo-oa'];
const DEFAULT_PACES: Record<Platform, number> = { telegram: 100, 'zalo-bot': 40, 'zalo-oa': 40 };
const RATE_KEYS: Record<Platform, string> = { telegram: 'TELEGRAM_SEND_RATE', 'zalo-bot': 'ZALO_BOT_SEND_RATE', 'zalo-oa': 'ZALO_OA_SEND_RATE' };

interface Fakes {
  tg: FakeTelegram;
  zb: FakeZaloBot;
  oa: FakeZaloOa;
}

/** The platform's send calls so far, and how each names its chat. */
function sends(fakes: Fakes, channel: Platform): { calls: RecordedCall[]; chatOf: (b: Record<string, unknown>) => string | undefined } {
  const byChatId = (b: Record<string, unknown>) => (b.chat_id === undefined ? undefined : String(b.chat_id));
  if (channel === 'telegram') return { calls: fakes.tg.sent('sendMessage'), chatOf: byChatId };
  if (channel === 'zalo-bot') return { calls: fakes.zb.sent('sendMessage'), chatOf: byChatId };
  return { calls: fakes.oa.sentCs(), chatOf: (b) => (b.recipient as { user_id?: string } | undefined)?.user_id };
}

/** Requests per second between the first and the last one the fake answered (n sends span n−1 gaps). */
function rateOf(calls: RecordedCall[]): number {
  if (calls.length < 2) return 0;
  return (calls.length - 1) / ((calls[calls.length - 1]!.at - calls[0]!.at) / 1000);
}

/** Runs one broadcast to the end through a whole worker (Redis queue unless `redis` is false); returns its wall time. */
async function runBroadcast(databaseUrl: string, fakes: Fakes, id: string, paces: Record<Platform, number>, options: { redis?: boolean; lanes?: number } = {}): Promise<number> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    ...(options.redis === false ? {} : { REDIS_URL: REDIS_URL }),
    QUEUE_PREFIX: `dvk-bench-bc-${randomBytes(3).toString('hex')}`,
    PORT: '0',
    LOG_LEVEL: 'silent',
    TELEGRAM_BOT_TOKEN: fakes.tg.token,
    TELEGRAM_API_ROOT: fakes.tg.url,
    TELEGRAM_WEBHOOK_SECRET: 'bench_secret_broadcast',
    ZALO_BOT_TOKEN: fakes.zb.token,
    ZALO_BOT_API_ROOT: fakes.zb.url,
    ZALO_BOT_WEBHOOK_SECRET: 'bench_secret_broadcast_zb',
    ZALO_OA_APP_ID: fakes.oa.appId,
    ZALO_OA_APP_SECRET: fakes.oa.appSecret,
    ZALO_OA_SECRET_KEY: 'oa-secret-key-bench',
    ZALO_OA_ACCESS_TOKEN: 'oa-access-0',
    ZALO_OA_REFRESH_TOKEN: 'oa-refresh-0',
    ZALO_OA_API_ROOT: fakes.oa.url,
    ZALO_OA_OAUTH_ROOT: fakes.oa.url,
    ...Object.fromEntries(PLATFORMS.map((c) => [RATE_KEYS[c], String(paces[c])])),
    SEND_PER_CHAT_INTERVAL_MS: '0',
    BROADCAST_LANES_PER_ACCOUNT: String(options.lanes ?? LANES),
  });
  const app = await startApplication({ config, roles: ['worker'], logger: createLogger({ level: 'silent' }) });
  try {
    await waitForStatus(app.prisma, id, 'sending', 600_000);
    const started = Date.now();
    await waitForStatus(app.prisma, id, 'done', 24 * 3600_000);
    return (Date.now() - started) / 1000;
  } finally {
    await app.close();
  }
}

/** Subscribers of the unit: a quarter on the console, the rest over the platforms by `weights`. */
function spread(total: number, weights: Record<Platform, number>): Record<string, number> {
  const consoleCount = Math.round(total / 4);
  const sum = PLATFORMS.reduce((a, c) => a + weights[c], 0);
  const out: Record<string, number> = { console: consoleCount };
  let left = total - consoleCount;
  for (const [i, c] of PLATFORMS.entries()) {
    out[c] = i === PLATFORMS.length - 1 ? left : Math.round(((total - consoleCount) * weights[c]) / sum);
    left -= out[c]!;
  }
  return out;
}

/** Only `perChannel` subscribers of the unit remain (the demo seed's are removed too), freshly written. */
async function reseedAudience(prisma: PrismaClient, perChannel: Record<string, number>, prefix: string): Promise<void> {
  await prisma.broadcastRecipient.deleteMany({});
  await prisma.$executeRaw`DELETE FROM subscriber`;
  await seedSubscribers(prisma, { unitId: UNIT, perChannel, prefix, now: new Date() });
}

interface ChannelCheck {
  planned: number;
  sent: number;
  skipped: number;
  other: number;
  chats: number;
  maxPerChat: number;
  deliveries: number;
  rate: number;
}

/** Rows of the broadcast by channel against what the fakes (or the console outbox) received since `marks`. */
async function checkChannels(prisma: PrismaClient, fakes: Fakes, id: string, prefix: string, marks: Record<Platform, number>): Promise<Record<string, ChannelCheck>> {
  const rows = await prisma.broadcastRecipient.groupBy({ by: ['channel', 'state'], where: { broadcastId: id }, _count: true });
  const count = (channel: string, state?: string) => rows.filter((r) => r.channel === channel && (state === undefined || r.state === state)).reduce((a, r) => a + r._count, 0);
  const out: Record<string, ChannelCheck> = {};
  const base = (channel: string) => ({
    planned: count(channel),
    sent: count(channel, 'sent'),
    skipped: count(channel, 'skipped'),
    other: count(channel) - count(channel, 'sent') - count(channel, 'skipped'),
  });
  const outbox = await prisma.$queryRaw<Array<{ chats: number; max: number; sum: number; first: Date | null; last: Date | null }>>`
    SELECT count(*)::int AS chats, coalesce(max(n), 0)::int AS max, coalesce(sum(n), 0)::int AS sum, min(first) AS first, max(last) AS last
    FROM (SELECT user_id, count(*) AS n, min(sent_at) AS first, max(sent_at) AS last FROM outbound_message
          WHERE channel = 'console' AND user_id LIKE ${`console:${prefix}%`} GROUP BY user_id) x`;
  const o = outbox[0]!;
  const span = o.first && o.last ? (o.last.getTime() - o.first.getTime()) / 1000 : 0;
  out.console = { ...base('console'), chats: o.chats, maxPerChat: o.max, deliveries: o.sum, rate: span > 0 ? (o.sum - 1) / span : 0 };
  for (const channel of PLATFORMS) {
    const { calls, chatOf } = sends(fakes, channel);
    const mine = calls.slice(marks[channel]);
    const perChat = deliveriesPerChat(mine, chatOf);
    out[channel] = { ...base(channel), chats: perChat.size, maxPerChat: Math.max(0, ...perChat.values()), deliveries: mine.length, rate: rateOf(mine) };
  }
  return out;
}

function describeCheck(c: ChannelCheck): string {
  const ok = c.maxPerChat <= 1 && c.deliveries === c.sent && c.other === 0;
  return `planned ${c.planned}, sent ${c.sent}, skipped ${c.skipped}${c.other ? `, NOT FINAL ${c.other}` : ''}; delivered to ${c.chats} chats, max per chat ${c.maxPerChat}, sum ${c.deliveries} ${ok ? '= sent, ok' : '≠ sent or duplicates: FAILED'}`;
}

const marksOf = (fakes: Fakes) => Object.fromEntries(PLATFORMS.map((c) => [c, sends(fakes, c).calls.length])) as Record<Platform, number>;
const load = () => `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`;

/** `telegram=100,zalo-bot=40,zalo-oa=40` → paces; null when unset. */
function pacesFromEnv(): Record<Platform, number> | null {
  const raw = process.env.BENCH_BROADCAST_PACES;
  if (!raw) return null;
  const paces = { ...DEFAULT_PACES };
  for (const pair of raw.split(',')) {
    const [channel, value] = pair.split('=');
    if (!PLATFORMS.includes(channel as Platform) || !(Number(value) > 0)) throw new Error(`BENCH_BROADCAST_PACES: "${pair}" is not <telegram|zalo-bot|zalo-oa>=<sends per second>`);
    paces[channel as Platform] = Number(value);
  }
  return paces;
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const fakes: Fakes = {
    tg: await new FakeTelegram().start(),
    zb: await new FakeZaloBot().start(),
    oa: await new FakeZaloOa(zaloOaPayloads.appId).start(),
  };
  const unpaced: Record<Platform, number> = { telegram: 0, 'zalo-bot': 0, 'zalo-oa': 0 };
  try {
    await withBenchDatabase(async (url) => {
      const prisma = createPrismaClient(url);
      try {
        await runSeed(prisma);
        // 1. Planning alone, measured directly, over the four channels in equal shares.
        const even = spread(RECIPIENTS, { telegram: 1, 'zalo-bot': 1, 'zalo-oa': 1 });
        await reseedAudience(prisma, even, 'bu');
        await createReadyBroadcast(prisma, 'bench-plan', { unitId: UNIT, body: 'Bench', scheduledAt: new Date(Date.now() + 3600_000) });
        const t0 = Date.now();
        await planBroadcast(prisma, 'bench-plan', { unitId: UNIT, audience: 'residents', kind: 'recognition' }, DEFAULT_BROADCAST_SETTINGS, new Date());
        results.push({ name: `planning ${RECIPIENTS.toLocaleString('en-US')} recipients`, value: Date.now() - t0, unit: 'ms', note: JSON.stringify(even) });
        await prisma.broadcast.update({ where: { id: 'bench-plan' }, data: { status: 'cancelled' } });
        await prisma.broadcastRecipient.deleteMany({});

        // 2. Unthrottled: every channel's pace 0 (the engine's own ceiling, not the platforms').
        let check: Record<string, ChannelCheck> | null = null;
        let marks = marksOf(fakes);
        if (UNTHROTTLED) {
          await createReadyBroadcast(prisma, 'bench-send', { unitId: UNIT, body: 'Thông báo thử tải.' });
          const seconds = await runBroadcast(url, fakes, 'bench-send', unpaced);
          check = await checkChannels(prisma, fakes, 'bench-send', 'bu', marks);
          const sentTotal = Object.values(check).reduce((a, c) => a + c.sent, 0);
          results.push({ name: `send rate, ${RECIPIENTS.toLocaleString('en-US')} recipients, unthrottled fakes`, value: sentTotal / seconds, unit: 'msg/s', note: `all four channels, ${LANES} lanes per account, Redis queue, one worker process; ${load()}` });
          for (const [channel, c] of Object.entries(check)) {
            results.push({ name: `  unthrottled ${channel}`, value: c.rate, unit: 'msg/s', note: describeCheck(c) });
          }
        }
        results.push({ name: `RSS after planning${UNTHROTTLED ? ' and the unthrottled run' : ''}`, value: Math.round(process.memoryUsage().rss / 1024 / 1024), unit: 'MiB' });

        // 3. One lane on each queue backend.
        if (LANE_ROWS > 0) {
          const lane: Record<'redis' | 'postgres', number> = { redis: 0, postgres: 0 };
          for (const backend of ['redis', 'postgres'] as const) {
            const id = `bench-lane-${backend}`;
            await prisma.broadcastRecipient.deleteMany({});
            await createReadyBroadcast(prisma, id, { unitId: UNIT, body: 'Thông báo thử một làn.' });
            // Only the first LANE_ROWS Telegram rows go out: the rest are stopped before the worker starts.
            await planBroadcast(prisma, id, { unitId: UNIT, audience: 'residents', kind: 'recognition' }, DEFAULT_BROADCAST_SETTINGS, new Date());
            await prisma.$executeRaw`UPDATE broadcast_recipient SET state = 'stopped' WHERE broadcast_id = ${id} AND id NOT IN (SELECT id FROM broadcast_recipient WHERE broadcast_id = ${id} AND channel = 'telegram' ORDER BY id LIMIT ${LANE_ROWS})`;
            const before = fakes.tg.sent('sendMessage').length;
            const s = await runBroadcast(url, fakes, id, unpaced, { redis: backend === 'redis', lanes: 1 });
            lane[backend] = (fakes.tg.sent('sendMessage').length - before) / s;
            results.push({ name: `one lane, ${LANE_ROWS} Telegram rows unpaced, ${backend} queue`, value: lane[backend], unit: 'msg/s' });
          }
          results.push({ name: 'one lane: PostgreSQL queue / Redis queue', value: lane.postgres / lane.redis, unit: '×', note: load() });
        }

        // 4. Paced, over the four channels.
        if (PACED > 0) {
          const fixed = pacesFromEnv();
          const measured = check;
          const paces = fixed ?? (measured ? (Object.fromEntries(PLATFORMS.map((c) => [c, Math.max(1, Math.min(DEFAULT_PACES[c], Math.floor(HEADROOM * measured[c]!.rate)))])) as Record<Platform, number>) : { ...DEFAULT_PACES });
          const how = fixed
            ? 'set by BENCH_BROADCAST_PACES'
            : !measured
              ? 'the defaults: nothing measured unthrottled (BENCH_BROADCAST_UNTHROTTLED=0)'
              : `default ${PLATFORMS.map((c) => `${c} ${DEFAULT_PACES[c]}`).join(', ')}/s, each capped at ${HEADROOM} × its unthrottled rate above (${PLATFORMS.map((c) => `${c} ${measured[c]!.rate.toFixed(0)}`).join(', ')})`;
          const perChannel = spread(PACED, paces);
          results.push({ name: 'paced check: configured paces', value: PLATFORMS.reduce((a, c) => a + paces[c], 0), unit: 'msg/s total', note: `${PLATFORMS.map((c) => `${c} ${paces[c]}/s`).join(', ')} (${how}); recipients ${JSON.stringify(perChannel)}` });
          await reseedAudience(prisma, perChannel, 'bp');
          await createReadyBroadcast(prisma, 'bench-paced', { unitId: UNIT, body: 'Thông báo thử nhịp gửi.' });
          marks = marksOf(fakes);
          const pacedSeconds = await runBroadcast(url, fakes, 'bench-paced', paces);
          const paced = await checkChannels(prisma, fakes, 'bench-paced', 'bp', marks);
          results.push({ name: `paced send, ${PACED.toLocaleString('en-US')} recipients`, value: pacedSeconds, unit: 's', note: load() });
          results.push({ name: '  console (unpaced)', value: paced.console!.rate, unit: 'msg/s', note: describeCheck(paced.console!) });
          for (const channel of PLATFORMS) {
            const c = paced[channel]!;
            const deviation = ((c.rate - paces[channel]) / paces[channel]) * 100;
            const verdict = Math.abs(deviation) <= 5 ? 'within ±5 %' : 'OUTSIDE ±5 %';
            results.push({ name: `  paced ${channel}`, value: c.rate, unit: 'msg/s', note: `configured ${paces[channel]}/s, deviation ${deviation >= 0 ? '+' : ''}${deviation.toFixed(1)} %, ${verdict}; ${describeCheck(c)}` });
          }
        }
      } finally {
        await prisma.$disconnect();
      }
    });
  } finally {
    await Promise.all([fakes.tg.close(), fakes.zb.close(), fakes.oa.close()]);
  }
  results.push({ name: 'RSS after the run', value: Math.round(process.memoryUsage().rss / 1024 / 1024), unit: 'MiB' });
  return results;
}
