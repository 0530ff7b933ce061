import type { Redis } from 'ioredis';
import type { PaceStore } from './pace-store.js';

/** Each key holds the earliest instant (ms, Redis clock) at which the next send may start. */
const RESERVE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local chatNext = tonumber(redis.call('GET', KEYS[1]) or '0')
local credNext = tonumber(redis.call('GET', KEYS[2]) or '0')
local slot = math.max(now, chatNext, credNext)
local wait = slot - now
if wait > tonumber(ARGV[3]) then return {0, wait} end
local chatInterval = tonumber(ARGV[1])
local credInterval = tonumber(ARGV[2])
redis.call('SET', KEYS[1], slot + chatInterval, 'PX', wait + chatInterval + 1000)
redis.call('SET', KEYS[2], slot + credInterval, 'PX', wait + credInterval + 1000)
return {1, wait}
`;

const BLOCK_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local until_ = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if until_ > current then redis.call('SET', KEYS[1], until_, 'PX', tonumber(ARGV[1]) + 1000) end
return until_
`;

/** A sorted set per credential: chat → instant of its last 429; old entries trimmed. */
const NOTE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
redis.call('PEXPIRE', KEYS[1], window + 1000)
return redis.call('ZCARD', KEYS[1])
`;

export class RedisPaceStore implements PaceStore {
  constructor(private readonly redis: Redis) {}

  async reserve(chatKey: string, credentialKey: string, chatIntervalMs: number, credentialIntervalMs: number, maxWaitMs: number) {
    const [granted, waitMs] = (await this.redis.eval(RESERVE_SCRIPT, 2, chatKey, credentialKey, chatIntervalMs, credentialIntervalMs, maxWaitMs)) as [number, number];
    return { granted: granted === 1, waitMs };
  }

  async block(key: string, ms: number): Promise<void> {
    await this.redis.eval(BLOCK_SCRIPT, 1, key, Math.max(0, Math.ceil(ms)));
  }

  async noteRateLimited(credentialKey: string, chatKey: string, windowMs: number): Promise<number> {
    return (await this.redis.eval(NOTE_SCRIPT, 1, `${credentialKey}:429s`, chatKey, Math.ceil(windowMs))) as number;
  }
}
