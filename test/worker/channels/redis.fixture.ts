import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { testRedisUrl } from '../../helpers/test-redis.js';

/**
 * A real Redis connection and a unique key prefix for one test file; `cleanup`
 * deletes that prefix's keys. (Uses the run's Redis from test/helpers.)
 */
export async function redisFixture(): Promise<{ redis: Redis; prefix: string; cleanup: () => Promise<void> }> {
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1, lazyConnect: true });
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
