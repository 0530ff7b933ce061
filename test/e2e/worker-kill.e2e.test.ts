import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../../prisma/seed/seed.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { redisAvailable, testRedisUrl } from '../helpers/test-redis.js';
import { startWorkerProcess } from '../helpers/worker-process.js';

/**
 * Production shape: one webhooks process, worker processes apart, one Redis. A
 * worker killed with SIGKILL in the middle of a cadre's registration loses nothing:
 * the draft is in PostgreSQL after every turn, and a message that arrives while no
 * worker runs waits in the queue for the next one.
 */
function startWorker(db: TestDatabase, prefix: string): Promise<ChildProcess> {
  return startWorkerProcess({ DATABASE_URL: db.url, REDIS_URL: testRedisUrl(), QUEUE_PREFIX: prefix });
}

describe.skipIf(!redisAvailable())('a worker killed in the middle of a registration', () => {
  let db: TestDatabase;
  let t: TestApp;
  let worker: ChildProcess | null = null;
  const me = 'kill-9-cadre';

  beforeAll(async () => {
    db = await createTestDatabase();
    await runSeed(db.prisma);
    t = await startTestApp({ database: db, roles: ['webhooks'] });
    await t.console.user(me, { role: 'cadre', unitId: 'hn-p-cuanam' });
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await t?.stop();
    await db?.drop();
  });

  it('loses nothing the cadre typed', async () => {
    worker = await startWorker(db, t.prefix);
    let [reply] = await t.console.say(me, 'đăng ký mô hình');
    expect(reply!.text).toContain('Bước 1/7');
    [reply] = await t.console.say(me, 'Khéo trong vận động bà con giữ ngõ phố sạch đẹp');
    expect(reply!.text).toContain('Bước 2/7');

    worker.kill('SIGKILL');
    await new Promise((resolve) => worker!.once('exit', resolve));
    // Accepted while no worker runs: it must wait in the queue, not vanish.
    const pending = await t.console.press(me, 'cat:mo_hinh');

    worker = await startWorker(db, t.prefix);
    [reply] = await t.console.answersTo(me, pending, 1, 30_000);
    expect(reply!.text).toContain('Bước 3/7');
    const state = await db.prisma.conversationState.findUniqueOrThrow({ where: { userId: `console:${me}` } });
    expect(JSON.stringify(state.data)).toContain('Khéo trong vận động bà con giữ ngõ phố sạch đẹp');
    expect(JSON.stringify(state.data)).toContain('mo_hinh');
  }, 120_000);
});
