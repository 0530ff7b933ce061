import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { testRedisUrl } from '../../helpers/test-redis.js';

/**
 * A real Redis connection and a unique key prefix for one test file; `cleanup`
 * deletes that prefix's keys. (Uses the run's Redis from test/helpers.)
 */
export async function redisFixture(): Promise<{ redis: Redis; prefix: string; cleanup: () => Promise<void> }> {
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1, lazyConnect: true });
  if (!inject('redis').available) {
    // The file's tests are skipped (describe.skipIf(!redisAvailable())) and say why;
    // its beforeAll must not fail first by connecting to a Redis that is not there.
    return { redis, prefix: 'unused:', cleanup: async () => redis.disconnect() };
  }
  await redis.connect();
  const prefix = `test-${randomUUID().slice(0, 8)}:`;
  return {
    redis,
    prefix,
    cleanup: async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
}
