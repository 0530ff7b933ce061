import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telegramPayloads, zaloBotPayloads, zaloOaPayloads } from '../fakes/payloads.js';
import { startFaultApp, printFigures, tally, until, waitFor, PLATFORM_CHANNELS, type FaultApp, type PlatformChannel } from './support/fault-app.js';
import { startPrivateRedis, type PrivateRedis } from './support/private-redis.js';

/**
 * Redis (the queue store) crashes while webhooks keep arriving. While it is down
 * the webhooks answer 503 (so the platform redelivers) and /health says so; once
 * it is back, everything flows again. Like a platform, the test re-posts every
 * update that did not get a 2xx. Every update is answered exactly once.
 *
 * Redis runs with an fsync'd append-only file, as a production Redis behind
 * BullMQ must: without persistence a crash forgets jobs that were accepted
 * but not yet picked up (see docs/reliability.md).
 */
const TOTAL = 90;
const DOWN_AT = 30;
const INTERVAL_MS = 40;

interface Update {
  channel: PlatformChannel;
  body: unknown;
  chatId: string;
  statuses: number[];
}

function makeUpdate(i: number): Update {
  const channel = PLATFORM_CHANNELS[i % 3]!;
  if (channel === 'telegram') {
    const userId = 820_000 + i;
    return { channel, body: telegramPayloads.text('Xin chào', { userId, updateId: 9_200_000 + i }), chatId: String(userId), statuses: [] };
  }
  if (channel === 'zalo-bot') {
    const userId = `outzb${String(i).padStart(15, '0')}`;
    return { channel, body: zaloBotPayloads.text('Xin chào', { userId, messageId: `outmsg${String(i).padStart(14, "0")}` }), chatId: userId, statuses: [] };
  }
  const userId = `85638479123401${String(i).padStart(5, '0')}`;
  return { channel, body: zaloOaPayloads.text('Xin chào', { userId, msgId: `outoa${i}abcdef` }), chatId: userId, statuses: [] };
}

describe('Redis stopped during a steady stream of webhooks', () => {
  let redis: PrivateRedis;
  let f: FaultApp;
  beforeAll(async () => {
    redis = await startPrivateRedis({ persistent: true });
    f = await startFaultApp({ redisUrl: redis.url });
  });
  afterAll(async () => {
    await f?.stop();
    await redis?.stop();
  });

  it('answers 503 while down, recovers, and answers every accepted update exactly once', async () => {
    const updates = Array.from({ length: TOTAL }, (_, i) => makeUpdate(i));
    const post = async (u: Update) => {
      const started = Date.now();
      const response = await f.post(u.channel, u.body);
      u.statuses.push(response.status);
      return Date.now() - started;
    };
    const health = () => fetch(`${f.t.app.url}/health`).then((r) => r.status);

    let slowest = 0;
    let healthWhileDown = 0;
    for (let i = 0; i < TOTAL; i++) {
      if (i === DOWN_AT) {
        await redis.crash();
        // Down until the webhooks have refused a few updates and /health says so.
        healthWhileDown = await health();
      }
      if (i > DOWN_AT && redis && updates.slice(DOWN_AT, i).filter((u) => u.statuses.at(-1) === 503).length === 10) {
        await redis.start();
      }
      slowest = Math.max(slowest, await post(updates[i]!));
      await new Promise((r) => setTimeout(r, INTERVAL_MS));
    }
    const refused = updates.filter((u) => u.statuses[0] !== 200).length;
    // The platform redelivers what was not accepted, until it is.
    await until(async () => {
      for (const u of updates.filter((x) => x.statuses.at(-1) !== 200)) await post(u);
      return updates.every((u) => u.statuses.at(-1) === 200);
    }, 'every update accepted after recovery');
    expect(await health()).toBe(200);

    const answeredChats = () => new Set(PLATFORM_CHANNELS.flatMap((c) => f.sends(c).map((s) => `${c}:${s.chatId}`)));
    await waitFor(() => updates.every((u) => answeredChats().has(`${u.channel}:${u.chatId}`)), 60_000);
    await waitFor(async () => (await f.t.db.prisma.outboundMessage.count({ where: { status: 'pending' } })) === 0, 10_000);
    const perChat = tally(PLATFORM_CHANNELS.flatMap((c) => f.sends(c).map((s) => `${c}:${s.chatId}`)));
    const answered = updates.filter((u) => perChat.has(`${u.channel}:${u.chatId}`)).length;
    const duplicates = updates.reduce((sum, u) => sum + Math.max(0, (perChat.get(`${u.channel}:${u.chatId}`) ?? 0) - 1), 0);
    const statuses = updates.flatMap((u) => u.statuses);
    printFigures('Redis stopped mid-stream', {
      sent: statuses.length,
      updates: TOTAL,
      accepted: statuses.filter((s) => s === 200).length,
      refused503: statuses.filter((s) => s === 503).length,
      refusedFirstTime: refused,
      answered,
      duplicates,
      losses: TOTAL - answered,
      slowestWebhookMs: slowest,
      healthWhileDown,
    });
    expect(statuses.every((s) => s === 200 || s === 503), `statuses: ${[...new Set(statuses)].join(',')}`).toBe(true);
    expect(refused).toBeGreaterThanOrEqual(10);
    expect(healthWhileDown).toBe(503);
    const lost = updates.filter((u) => !perChat.has(`${u.channel}:${u.chatId}`));
    const lostTurns = await f.t.db.prisma.inboundEventLog.count({ where: { userId: { in: lost.map((u) => `${u.channel}:${u.chatId}`) } } });
    const outbox = await f.t.db.prisma.outboundMessage.groupBy({ by: ['status'], _count: true });
    expect(answered, `unanswered: ${lost.map((u) => `${u.channel}:${u.chatId}@${u.statuses.join('/')}`).join(' ')}; their turns in PostgreSQL: ${lostTurns}; outbox: ${JSON.stringify(outbox)}`).toBe(TOTAL);
    const doubled = updates.filter((u) => (perChat.get(`${u.channel}:${u.chatId}`) ?? 0) > 1);
    const doubledRows = await f.t.db.prisma.outboundMessage.findMany({
      where: { userId: { in: doubled.map((u) => `${u.channel}:${u.chatId}`) } },
      select: { id: true, chatId: true, status: true, attempts: true, createdAt: true, sentAt: true, error: true },
    });
    expect(duplicates, `answered twice: ${doubled.map((u) => `${u.channel}:${u.chatId}`).join(' ')}; outbox rows: ${JSON.stringify(doubledRows, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`).toBe(0);
  });
});
