import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../../prisma/seed/seed.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { startWorkerProcess } from '../helpers/worker-process.js';
import { startPrivateRedis, type PrivateRedis } from './support/private-redis.js';
import { printFigures } from './support/fault-app.js';

/**
 * Production shape: one webhooks process, worker processes apart, one Redis. A
 * worker killed with SIGKILL in the middle of a cadre's registration loses nothing:
 * the draft is in PostgreSQL after every turn, and a message that arrives while no
 * worker runs waits in the queue for the next one.
 */
function startWorker(db: TestDatabase, prefix: string, redisUrl: string): Promise<ChildProcess> {
  return startWorkerProcess({ DATABASE_URL: db.url, REDIS_URL: redisUrl, QUEUE_PREFIX: prefix });
}

describe('a worker killed in the middle of a registration', () => {
  let redis: PrivateRedis;
  let db: TestDatabase;
  let t: TestApp;
  let worker: ChildProcess | null = null;
  const me = 'kill-9-cadre';

  beforeAll(async () => {
    redis = await startPrivateRedis();
    db = await createTestDatabase();
    await runSeed(db.prisma);
    t = await startTestApp({ database: db, roles: ['webhooks'], redisUrl: redis.url });
    await t.console.user(me, { role: 'cadre', unitId: 'hn-p-cuanam' });
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await t?.stop();
    await db?.drop();
    await redis?.stop();
  });

  it('loses nothing the cadre typed', async () => {
    worker = await startWorker(db, t.prefix, redis.url);
    let [reply] = await t.console.say(me, 'đăng ký mô hình');
    expect(reply!.text).toContain('Bước 1/7');
    [reply] = await t.console.say(me, 'Khéo trong vận động bà con giữ ngõ phố sạch đẹp');
    expect(reply!.text).toContain('Bước 2/7');

    worker.kill('SIGKILL');
    await new Promise((resolve) => worker!.once('exit', resolve));
    // Accepted while no worker runs: it must wait in the queue, not vanish.
    const pending = await t.console.press(me, 'cat:mo_hinh');

    worker = await startWorker(db, t.prefix, redis.url);
    [reply] = await t.console.answersTo(me, pending, 1, 30_000);
    expect(reply!.text).toContain('Bước 3/7');
    const state = await db.prisma.conversationState.findUniqueOrThrow({ where: { userId: `console:${me}` } });
    expect(JSON.stringify(state.data)).toContain('Khéo trong vận động bà con giữ ngõ phố sạch đẹp');
    expect(JSON.stringify(state.data)).toContain('mo_hinh');
    const turns = await db.prisma.inboundEventLog.count({ where: { userId: `console:${me}` } });
    const replies = await db.prisma.outboundMessage.count({ where: { userId: `console:${me}` } });
    printFigures('worker SIGKILLed mid-turn', { sent: 3, accepted: 3, answered: replies, duplicates: replies - 3, losses: 3 - turns, turns });
    expect(turns).toBe(3);
    expect(replies).toBe(3);
  }, 120_000);

  it('answers every message once when the worker dies with turns in flight', async () => {
    const users = Array.from({ length: 30 }, (_, i) => `kill-9-stream-${i}`);
    for (const user of users) await t.console.user(user);
    // The worker the first test restarted is still running (each start costs seconds).
    if (!worker || worker.exitCode !== null) worker = await startWorker(db, t.prefix, redis.url);
    await Promise.all(users.map((user) => t.console.send(user, 'xin chào')));
    // Kill as soon as the first turn committed: the others are queued or mid-turn.
    const committed = () => db.prisma.inboundEventLog.count({ where: { userId: { in: users.map((u) => `console:${u}`) } } });
    while ((await committed()) === 0) await new Promise((r) => setTimeout(r, 5));
    worker.kill('SIGKILL');
    await new Promise((resolve) => worker!.once('exit', resolve));
    const atKill = await committed();
    worker = await startWorker(db, t.prefix, redis.url);
    // Turns the dead worker held come back when BullMQ sees them stalled (its lock lapses).
    // BullMQ's stalled check runs every 30 s; on a loaded machine two rounds can pass before all are back.
    await expect.poll(committed, { timeout: 180_000, interval: 200 }).toBe(users.length);
    await expect
      .poll(() => db.prisma.outboundMessage.count({ where: { userId: { in: users.map((u) => `console:${u}`) }, status: 'pending' } }), { timeout: 30_000 })
      .toBe(0);
    const perUser = await db.prisma.outboundMessage.groupBy({ by: ['userId'], where: { userId: { in: users.map((u) => `console:${u}`) } }, _count: true });
    const answered = perUser.length;
    const duplicates = perUser.reduce((sum, row) => sum + row._count - 1, 0);
    printFigures('worker SIGKILLed with turns in flight', { sent: users.length, accepted: users.length, committedAtKill: atKill, answered, duplicates, losses: users.length - answered });
    expect(answered).toBe(users.length);
    expect(duplicates).toBe(0);
  }, 260_000);
});
