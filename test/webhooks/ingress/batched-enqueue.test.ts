import { createServer, type AddressInfo, type Socket } from 'node:net';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { createBatchedEnqueue } from '../../../webhooks/ingress/batched-enqueue.js';
import { deleteQueueKeys, redisAvailable, testRedisUrl, uniqueQueuePrefix } from '../../helpers/test-redis.js';

/**
 * The batched enqueue on real Redis: one addBulk per event-loop turn, each caller
 * answered only once its own job is stored, a store error failing exactly its batch.
 */
interface Update {
  n: number;
  self?: unknown;
}

const prefix = uniqueQueuePrefix('batch');
let connection: Redis;
let queue: Queue<Update>;

const needsRedis = !inject('redis').available;
beforeAll(async () => {
  if (needsRedis) return;
  // The producer's settings (runtime/queues.ts): fail fast while Redis is away, no offline queue.
  connection = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  connection.on('error', () => undefined);
  queue = new Queue<Update>('inbound', { connection, prefix });
  queue.on('error', () => undefined);
  await queue.waitUntilReady();
});
afterAll(async () => {
  if (needsRedis) return;
  await queue.close();
  connection.disconnect();
  await deleteQueueKeys(prefix);
});
beforeEach(async () => {
  if (needsRedis) return;
  vi.restoreAllMocks();
  await queue.obliterate({ force: true });
});

/** Whether each job id is in Redis, read straight from the queue. */
async function stored(ids: string[]): Promise<boolean[]> {
  return Promise.all(ids.map(async (id) => (await queue.getJob(id)) !== undefined));
}

/** Waits for each promise, keeping whether it resolved. */
function outcomes(promises: Array<Promise<void>>): Promise<Array<'stored' | 'failed'>> {
  return Promise.all(promises.map((p) => p.then(() => 'stored' as const, () => 'failed' as const)));
}

describe.skipIf(!redisAvailable())('batched enqueue (needs Redis)', () => {
  it('sends the updates of one event-loop turn as one addBulk and answers each once its job is stored', async () => {
    const enqueue = createBatchedEnqueue(queue, { name: 'turn', timeoutMs: 3_000 });
    const addBulk = vi.spyOn(queue, 'addBulk');
    const ids = Array.from({ length: 20 }, (_, n) => `tg-${n + 1}`);
    // Each caller checks, when told "stored", that its own job really is in Redis.
    const seenOnAnswer = await Promise.all(ids.map((id, n) => enqueue({ n }, id).then(async () => (await stored([id]))[0])));
    expect(seenOnAnswer).toEqual(ids.map(() => true));
    expect(addBulk).toHaveBeenCalledTimes(1);
    expect(addBulk.mock.calls[0]![0]).toHaveLength(20);
    // The next turn is a batch of its own.
    await enqueue({ n: 99 }, 'tg-99');
    expect(addBulk).toHaveBeenCalledTimes(2);
  });

  it('stores the same update id twice in one batch once, keeps the first, and answers both callers', async () => {
    const enqueue = createBatchedEnqueue(queue, { name: 'turn', timeoutMs: 3_000 });
    const results = await outcomes([enqueue({ n: 1 }, 'tg-7'), enqueue({ n: 2 }, 'tg-7'), enqueue({ n: 3 }, 'tg-8')]);
    expect(results).toEqual(['stored', 'stored', 'stored']);
    const jobs = await queue.getJobs(['waiting']);
    expect(jobs.map((job) => job.id).sort()).toEqual(['tg-7', 'tg-8']);
    expect((await queue.getJob('tg-7'))!.data.n).toBe(1);
    // A redelivery in a later batch is absorbed by the job id too.
    await enqueue({ n: 4 }, 'tg-7');
    expect(await queue.getJobCounts('waiting')).toMatchObject({ waiting: 2 });
  });

  it('fails exactly the callers of a batch the store did not take, and acknowledges nothing it did not store', async () => {
    // A producer of its own, whose connection is cut and comes back.
    const flaky = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: () => 50 });
    flaky.on('error', () => undefined);
    const flakyQueue = new Queue<Update>('inbound', { connection: flaky, prefix });
    flakyQueue.on('error', () => undefined);
    try {
      await flakyQueue.waitUntilReady();
      const enqueue = createBatchedEnqueue(flakyQueue, { name: 'turn', timeoutMs: 3_000 });
      expect(await outcomes([enqueue({ n: 1 }, 'tg-1'), enqueue({ n: 2 }, 'tg-2')])).toEqual(['stored', 'stored']);

      // The connection drops (it reconnects by itself): with no offline queue, the whole next batch is refused.
      const back = new Promise((resolve) => flaky.once('ready', resolve));
      flaky.disconnect(true);
      const whileDown = await outcomes([enqueue({ n: 3 }, 'tg-3'), enqueue({ n: 4 }, 'tg-4'), enqueue({ n: 5 }, 'tg-5')]);
      expect(whileDown).toEqual(['failed', 'failed', 'failed']);

      await back;
      expect(await outcomes([enqueue({ n: 6 }, 'tg-6')])).toEqual(['stored']);
      expect(await stored(['tg-1', 'tg-2', 'tg-3', 'tg-4', 'tg-5', 'tg-6'])).toEqual([true, true, false, false, false, true]);
    } finally {
      await flakyQueue.close();
      flaky.disconnect();
    }
  });

  it('fails every caller of a batch the store does not answer in time', async () => {
    // A hung Redis, without pausing the shared test one: a server that takes connections and never answers.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const hung = new Redis({ port: (silent.address() as AddressInfo).port, host: '127.0.0.1', maxRetriesPerRequest: 1, enableOfflineQueue: false, enableReadyCheck: false });
    hung.on('error', () => undefined);
    const hungQueue = new Queue<Update>('inbound', { connection: hung, prefix });
    hungQueue.on('error', () => undefined);
    try {
      const enqueue = createBatchedEnqueue(hungQueue, { name: 'turn', timeoutMs: 100 });
      const errors = await Promise.all([enqueue({ n: 1 }, 'tg-1'), enqueue({ n: 2 }, 'tg-2')].map((p) => p.then(() => null, (error: Error) => error.message)));
      expect(errors).toEqual([expect.stringMatching(/did not answer within 100 ms/), expect.stringMatching(/did not answer within 100 ms/)]);
    } finally {
      hung.disconnect();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('when the batch is refused for one update’s data, stores the others one by one and fails only that update', async () => {
    const enqueue = createBatchedEnqueue(queue, { name: 'turn', timeoutMs: 3_000 });
    const circular: Update = { n: 2 };
    circular.self = circular; // JSON.stringify throws a TypeError: the data's fault, not the store's
    const results = await Promise.all(
      [enqueue({ n: 1 }, 'tg-1'), enqueue(circular, 'tg-2'), enqueue({ n: 3 }, 'tg-3')].map((p) => p.then(() => 'stored', (error: Error) => error.name)),
    );
    expect(results).toEqual(['stored', 'TypeError', 'stored']);
    expect(await stored(['tg-1', 'tg-2', 'tg-3'])).toEqual([true, false, true]);
  });
});
