import type { Redis } from 'ioredis';
import { sqlOf, type PrismaClient } from '../../runtime/database.js';
import { Prisma } from '../../prisma/generated/client.js';

/**
 * Remembers which parts of a message the platform has acknowledged, keyed by the
 * send's idempotency key. A message split into three parts whose third part hit a
 * 429 is retried from the third part: parts 1–2 are never sent twice. Written
 * only after the platform answered ok.
 */
export interface SentPartsLog {
  get(idempotencyKey: string, part: number): Promise<string | undefined>;
  record(idempotencyKey: string, part: number, platformMessageId: string): Promise<void>;
}

export interface RedisSentPartsLogOptions {
  redis: Redis;
  keyPrefix?: string;
  /** How long acknowledgements are remembered. Default 7 days (longer than any job's retries). */
  ttlSeconds?: number;
}

export class RedisSentPartsLog implements SentPartsLog {
  constructor(private readonly options: RedisSentPartsLogOptions) {}

  private key(idempotencyKey: string): string {
    return `${this.options.keyPrefix ?? ''}sent:${idempotencyKey}`;
  }

  async get(idempotencyKey: string, part: number): Promise<string | undefined> {
    const value = await this.options.redis.hget(this.key(idempotencyKey), String(part));
    return value ?? undefined;
  }

  async record(idempotencyKey: string, part: number, platformMessageId: string): Promise<void> {
    const key = this.key(idempotencyKey);
    await this.options.redis
      .multi()
      .hset(key, String(part), platformMessageId)
      .expire(key, this.options.ttlSeconds ?? 7 * 24 * 3600)
      .exec();
  }
}

/**
 * The PostgreSQL queue backend's ledger (`sent_part`): durable, so a worker killed
 * between two parts does not resend the first one after a restart. Rows older than
 * the retention are trimmed now and then by `record`.
 */
export class PostgresSentPartsLog implements SentPartsLog {
  private recorded = 0;
  constructor(private readonly prisma: PrismaClient, private readonly options: { retentionDays?: number } = {}) {}

  async get(idempotencyKey: string, part: number): Promise<string | undefined> {
    const rows = await sqlOf(this.prisma).rows<{ platform_message_id: string }>(Prisma.sql`
      SELECT platform_message_id FROM sent_part WHERE idempotency_key = ${idempotencyKey} AND part = ${part}`);
    return rows[0]?.platform_message_id;
  }

  async record(idempotencyKey: string, part: number, platformMessageId: string): Promise<void> {
    // One statement: Prisma's upsert is BEGIN, SELECT, INSERT, COMMIT — four round trips on every
    // part a broadcast lane sends, the largest share of its per-row cost (docs/broadcasts.md, Speed).
    await sqlOf(this.prisma).rows(Prisma.sql`
      INSERT INTO sent_part (idempotency_key, part, platform_message_id) VALUES (${idempotencyKey}, ${part}, ${platformMessageId})
      ON CONFLICT (idempotency_key, part) DO UPDATE SET platform_message_id = EXCLUDED.platform_message_id`);
    // Same retention as the Redis ledger's TTL (7 days, longer than any job's retries).
    if (++this.recorded % 1000 === 1) {
      const before = new Date(Date.now() - (this.options.retentionDays ?? 7) * 24 * 3600_000);
      await this.prisma.sentPart.deleteMany({ where: { recordedAt: { lt: before } } });
    }
  }
}

/** For tests of a single adapter only: forgets everything when the process ends. */
export class MemorySentPartsLog implements SentPartsLog {
  private readonly parts = new Map<string, string>();
  async get(key: string, part: number): Promise<string | undefined> {
    return this.parts.get(`${key}#${part}`);
  }
  async record(key: string, part: number, id: string): Promise<void> {
    this.parts.set(`${key}#${part}`, id);
  }
}
