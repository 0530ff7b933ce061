import { QUEUE_NAMES } from '../../runtime/queues.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultApp, printFigures, type FaultApp } from './support/fault-app.js';
import { startPrivateRedis, type PrivateRedis } from './support/private-redis.js';
import { startPrivatePostgres, type PrivatePostgres } from './support/private-postgres.js';
import { countAnswers, deliver, redeliverUntilAccepted, streamUpdate } from './support/update-stream.js';

/**
 * PostgreSQL (the truth) restarts while turns run: every connection is cut, the
 * server is away for a moment. Turns in flight roll back and the queue retries
 * them with backoff; sends wait the same way. Webhooks that need PostgreSQL (Zalo
 * OA records the user's interaction) answer 503 and are redelivered. Nothing
 * accepted is lost or answered twice.
 */
const TOTAL = 90;
const RESTART_AT = 30;
const DOWN_MS = 2_000;
const INTERVAL_MS = 40;

describe('PostgreSQL restarted while turns run', () => {
  let redis: PrivateRedis;
  let pg: PrivatePostgres;
  let f: FaultApp;
  beforeAll(async () => {
    [redis, pg] = await Promise.all([startPrivateRedis(), startPrivatePostgres()]);
    f = await startFaultApp({ redisUrl: redis.url, database: pg.db });
  });
  afterAll(async () => {
    await f?.stop();
    await Promise.all([redis?.stop(), pg?.stop()]);
  });

  it('retries the turns and answers every accepted update exactly once', async () => {
    const updates = Array.from({ length: TOTAL }, (_, i) => streamUpdate(12, i));
    let slowest = 0;
    let restarting: Promise<void> | null = null;
    for (let i = 0; i < TOTAL; i++) {
      // Restart in the background: the stream goes on while PostgreSQL is away.
      if (i === RESTART_AT) restarting = pg.restart({ downMs: DOWN_MS });
      slowest = Math.max(slowest, await deliver(f, updates[i]!));
      await new Promise((r) => setTimeout(r, INTERVAL_MS));
    }
    await restarting;
    const refusedFirstTime = updates.filter((u) => u.statuses[0] !== 200).length;
    expect(await redeliverUntilAccepted(f, updates), 'every update accepted after the restart').toBe(true);
    const count = await countAnswers(f, updates, 90_000);
    const turns = await pg.db.prisma.inboundEventLog.count();
    // Proof that the restart hit turns in flight: jobs that needed more than one attempt.
    const jobs = await f.t.app.queues.queue(QUEUE_NAMES.inbound).getJobs(['completed'], 0, 1_000);
    const turnsRetried = jobs.filter((job) => job.attemptsStarted > 1).length;
    printFigures('PostgreSQL restarted mid-stream', {
      sent: count.posts,
      updates: count.updates,
      accepted: count.accepted,
      refused503: count.refused503,
      refusedFirstTime,
      turns,
      turnsRetried,
      answered: count.answered,
      duplicates: count.duplicates,
      losses: count.losses,
      slowestWebhookMs: slowest,
    });
    expect(count.otherStatuses, 'only 200 or 503').toEqual([]);
    expect(turns).toBe(TOTAL);
    expect(turnsRetried).toBeGreaterThan(0);
    expect(count.losses, count.detail).toBe(0);
    expect(count.duplicates, count.detail).toBe(0);
  });

  it('still shuts down cleanly after the restart (no pool client leaked by the interrupted transactions)', async () => {
    // A leaked client makes $disconnect wait forever: this test then times out.
    await f.stop();
  });
});
