import type { Redis } from 'ioredis';
import type { Db } from '../../runtime/database.js';
import { accountUserId } from '../../bot/core/channel-account.js';

/**
 * When each Zalo OA user last wrote to the OA: the free-reply window (48 h) and
 * the consultation limit (7 days) are counted from it. The webhook route records
 * every user-side event; the sender reads it before a consultation message.
 */
export interface ZaloOaInteractionLog {
  record(platformUserId: string, at: Date): Promise<void>;
  lastInteractionAt(platformUserId: string): Promise<Date | null>;
}

/** Keeps only the newest instant (a redelivered old event never moves it back). */
const RECORD_SCRIPT = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = tonumber(ARGV[1])
if at > current then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) end
return 1
`;

export class RedisZaloOaInteractionLog implements ZaloOaInteractionLog {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix = '',
    /** Remembered a little longer than the 7-day consultation limit. Default 8 days. */
    private readonly ttlSeconds = 8 * 24 * 3600,
  ) {}

  private key(userId: string): string {
    return `${this.keyPrefix}zoa:last-interaction:${userId}`;
  }

  async record(platformUserId: string, at: Date): Promise<void> {
    await this.redis.eval(RECORD_SCRIPT, 1, this.key(platformUserId), at.getTime(), this.ttlSeconds);
  }

  async lastInteractionAt(platformUserId: string): Promise<Date | null> {
    const value = await this.redis.get(this.key(platformUserId));
    return value === null ? null : new Date(Number(value));
  }
}

/**
 * Reads the window from `chat_user.last_inbound_at`, which the inbound worker
 * updates on every user event before the reply is produced. `record` is a no-op:
 * the inbound worker owns that column.
 */
export class ChatUserZaloOaInteractionLog implements ZaloOaInteractionLog {
  /** `account`: the OA's slug; its followers are its own chat users (default `default`). */
  constructor(
    private readonly db: Pick<Db, 'chatUser'>,
    private readonly account?: string,
  ) {}

  async record(): Promise<void> {}

  async lastInteractionAt(platformUserId: string): Promise<Date | null> {
    const row = await this.db.chatUser.findUnique({ where: { id: accountUserId('zalo-oa', platformUserId, this.account) }, select: { lastInboundAt: true } });
    return row?.lastInboundAt ?? null;
  }
}
