import type { Redis } from 'ioredis';

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

/** For the console and tests without Redis. */
export class MemorySentPartsLog implements SentPartsLog {
  private readonly parts = new Map<string, string>();
  async get(key: string, part: number): Promise<string | undefined> {
    return this.parts.get(`${key}#${part}`);
  }
  async record(key: string, part: number, id: string): Promise<void> {
    this.parts.set(`${key}#${part}`, id);
  }
}
