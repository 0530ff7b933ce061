import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { inject } from 'vitest';

/** Whether Redis-backed tests can run; use with `describe.skipIf(!redisAvailable())`. */
export function redisAvailable(): boolean {
  const redis = inject('redis');
  if (!redis.available) console.warn(`[tests] skipped: ${redis.reason}`);
  return redis.available;
}

export function testRedisUrl(): string {
  return inject('redis').url;
}

/** A queue prefix no other test file uses (no ":" — BullMQ's separator). */
export function uniqueQueuePrefix(label = 't'): string {
  return `dvk-${label}-${randomBytes(4).toString('hex')}`;
}

/** Deletes every key under a queue prefix (BullMQ keys are `<prefix>:<queue>:…`). */
export async function deleteQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
