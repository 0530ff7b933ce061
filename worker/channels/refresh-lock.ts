import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { PrismaClient } from '../../runtime/database.js';

/**
 * Serialises one critical section across every worker process (the Zalo OA token
 * refresh: its refresh token is single-use, so only one process may present it).
 * Redis when the queues run on Redis; a PostgreSQL advisory lock otherwise, so the
 * embedded default needs nothing more than its database.
 */
export interface RefreshLock {
  /** Runs `fn` while holding the lock; throws RefreshLockTimeoutError if it cannot be had in time. */
  withLock<T>(fn: () => Promise<T>): Promise<T>;
}

export class RefreshLockTimeoutError extends Error {
  override readonly name = 'RefreshLockTimeoutError';
  constructor(key: string, waitMs: number) {
    super(`Timed out after ${waitMs} ms waiting for the lock ${key}; another worker may be stuck refreshing — its lock expires by itself, the next send retries.`);
  }
}

export interface RedisRefreshLockOptions {
  redis: Redis;
  key: string;
  /** Lease; must outlast one OAuth call. Default 30 s. */
  ttlMs?: number;
  /** How long to wait for another holder. Default 35 s. */
  waitMs?: number;
}

const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/** `SET key lease PX ttl NX`, released only by its holder. */
export class RedisRefreshLock implements RefreshLock {
  constructor(private readonly options: RedisRefreshLockOptions) {}

  async withLock<T>(fn: () => Promise<T>): Promise<T> {
    const { redis, key } = this.options;
    const lease = randomUUID();
    const waitMs = this.options.waitMs ?? 35_000;
    const deadline = Date.now() + waitMs;
    while ((await redis.set(key, lease, 'PX', this.options.ttlMs ?? 30_000, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new RefreshLockTimeoutError(key, waitMs);
      await new Promise((r) => setTimeout(r, 50));
    }
    try {
      return await fn();
    } finally {
      await redis.eval(RELEASE_SCRIPT, 1, key, lease);
    }
  }
}

export interface PostgresRefreshLockOptions {
  prisma: PrismaClient;
  key: string;
  /** How long to wait for another holder (lock_timeout). Default 35 s. */
  waitMs?: number;
  /** Longest the section may hold the lock (the transaction's timeout). Default 60 s. */
  holdMs?: number;
}

/**
 * `pg_advisory_xact_lock` inside a transaction that stays open while `fn` runs:
 * the lock is released when the transaction ends, and by PostgreSQL itself if the
 * process dies — no lease to tune. `fn` uses its own connections; the transaction
 * only carries the lock.
 */
export class PostgresRefreshLock implements RefreshLock {
  constructor(private readonly options: PostgresRefreshLockOptions) {}

  async withLock<T>(fn: () => Promise<T>): Promise<T> {
    const waitMs = this.options.waitMs ?? 35_000;
    const holdMs = this.options.holdMs ?? 60_000;
    return this.options.prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(waitMs))}`);
        try {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${this.options.key}))`;
        } catch (error) {
          throw Object.assign(new RefreshLockTimeoutError(this.options.key, waitMs), { cause: error });
        }
        return fn();
      },
      { maxWait: waitMs, timeout: waitMs + holdMs },
    );
  }
}
