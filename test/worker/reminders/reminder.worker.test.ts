import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../bot/core/clock.js';
import { createTranslator } from '../../../bot/i18n/translator.js';
import { demoCalendarLoader } from '../../../prisma/seed/loaders/demo-calendar.loader.js';
import { runSeed } from '../../../prisma/seed/seed.js';
import { createLogger } from '../../../runtime/logger.js';
import { createQueueKit, QUEUE_NAMES, type QueueKit } from '../../../runtime/queues.js';
import { LOCALES_DIR } from '../../../runtime/start-application.js';
import { sendJobId } from '../../../worker/outbound/outbox.js';
import { startReminderWorker } from '../../../worker/reminders/reminder.worker.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { deleteQueueKeys, redisAvailable, testRedisUrl, uniqueQueuePrefix } from '../../helpers/test-redis.js';
import { seedDomainBasics } from '../store/store-fixtures.js';

async function waitFor<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The queue drives the timing: a BullMQ job scheduler repeats the sweep job, and the
 * reminder due (registration deadline T-14, 17/03/2026 08:00) goes out once however
 * many sweeps run. On BullMQ's PostgreSQL backend and, where it runs, on Redis.
 */
describe.each([
  { backend: 'postgres' as const, skip: false },
  // Redis-backed half: skipped (and said so) where no Redis answers on 127.0.0.1:6379.
  { backend: 'redis' as const, skip: !redisAvailable() },
])('reminder worker on a job scheduler ($backend)', ({ backend, skip }) => {
  let db: TestDatabase;
  let queues: QueueKit;
  let stop: () => Promise<void>;
  const prefix = uniqueQueuePrefix('rem');

  beforeAll(async () => {
    if (skip) return;
    db = await createTestDatabase();
    await seedDomainBasics(db.prisma);
    await runSeed(db.prisma, { loaders: [demoCalendarLoader] });
    queues = createQueueKit({ redisUrl: backend === 'redis' ? testRedisUrl() : null, databaseUrl: db.url, prefix });
    const running = startReminderWorker({
      queues, prisma: db.prisma, clock: manualClock('2026-03-17T08:00:00+07:00'), translator: createTranslator({ localesDir: LOCALES_DIR }),
      quietHours: null, logger: createLogger({ level: 'silent' }), everyMs: 300,
    });
    stop = running.close;
  }, 60_000);
  afterAll(async () => {
    if (skip) return;
    await stop?.();
    await queues?.close();
    if (backend === 'redis') await deleteQueueKeys(prefix);
    await db?.drop();
  });

  it.skipIf(skip)('fires the due reminder once and queues its send', async () => {
    const [firing] = await waitFor('a reminder fired', () => db.prisma.reminderFiring.findMany(), (rows) => rows.length >= 1);
    expect(firing).toMatchObject({ kind: 'registration_deadline', targetId: 'hn-p-cuanam', recipientId: 'console:demo-cadre-cuanam', status: 'sent' });
    // The send is queued right after the sweep's transaction commits.
    const outbound = queues.queue(QUEUE_NAMES.outbound);
    const job = await waitFor('the send queued', () => outbound.getJob(sendJobId(firing!.outboundId!)), (found) => found !== undefined && found !== null);
    expect(job?.data).toEqual({ outboundId: String(firing!.outboundId) });
    // Three more sweeps by the scheduler change nothing.
    const reminders = queues.queue(QUEUE_NAMES.reminders);
    await waitFor('four sweeps completed', () => reminders.getJobCounts('completed'), (counts) => (counts.completed ?? 0) >= 4);
    expect(await db.prisma.reminderFiring.count()).toBe(1);
    expect(await db.prisma.outboundMessage.count()).toBe(1);
  });
});
