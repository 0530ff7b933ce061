import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultApp, printFigures, type FaultApp } from './support/fault-app.js';
import { startPrivateRedis, type PrivateRedis } from './support/private-redis.js';
import { countAnswers, deliver, redeliverUntilAccepted, streamUpdate } from './support/update-stream.js';

/**
 * Redis (the queue store) crashes while webhooks keep arriving on the three
 * channels. While it is down the webhooks answer 503 (so the platform redelivers)
 * and /health says so; once it is back, everything flows again. Like a platform,
 * the test re-posts every update that did not get a 2xx. Every update is answered
 * exactly once.
 *
 * Redis runs with an fsync'd append-only file, as a production Redis behind
 * BullMQ must: without persistence a crash forgets jobs that were accepted but
 * not yet picked up (see docs/reliability.md).
 */
const TOTAL = 90;
const DOWN_AT = 30;
/** Redis comes back once this many updates were refused. */
const REFUSALS = 10;
const INTERVAL_MS = 40;

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
    const updates = Array.from({ length: TOTAL }, (_, i) => streamUpdate(11, i));
    const health = () => fetch(`${f.t.app.url}/health`).then((r) => r.status);
    let slowest = 0;
    let healthWhileDown = 0;
    let down = false;
    for (let i = 0; i < TOTAL; i++) {
      if (i === DOWN_AT) {
        await redis.crash();
        down = true;
        healthWhileDown = await health();
      }
      if (down && updates.filter((u) => u.statuses[0] === 503).length >= REFUSALS) {
        await redis.start();
        down = false;
      }
      slowest = Math.max(slowest, await deliver(f, updates[i]!));
      await new Promise((r) => setTimeout(r, INTERVAL_MS));
    }
    const refusedFirstTime = updates.filter((u) => u.statuses[0] !== 200).length;
    expect(await redeliverUntilAccepted(f, updates), 'every update accepted after recovery').toBe(true);
    const healthAfter = await health();
    const count = await countAnswers(f, updates);
    printFigures('Redis stopped mid-stream', {
      sent: count.posts,
      updates: count.updates,
      accepted: count.accepted,
      refused503: count.refused503,
      refusedFirstTime,
      answered: count.answered,
      duplicates: count.duplicates,
      losses: count.losses,
      slowestWebhookMs: slowest,
      healthWhileDown,
      healthAfter,
    });
    expect(count.otherStatuses, 'only 200 or 503').toEqual([]);
    expect(refusedFirstTime).toBeGreaterThanOrEqual(REFUSALS);
    expect(healthWhileDown).toBe(503);
    expect(healthAfter).toBe(200);
    expect(count.losses, count.detail).toBe(0);
    expect(count.duplicates, count.detail).toBe(0);
  });
});
