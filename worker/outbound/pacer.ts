import type { Redis } from 'ioredis';
import type { Channel } from '../../bot/core/inbound-event.js';

/**
 * Cross-process send pacing on Redis (BullMQ OSS has no per-group limiter).
 *
 * Each key stores the earliest instant (ms, Redis clock) at which the next send
 * may start. `reserve` atomically takes the next slot that satisfies both the
 * per-chat key (`pace:<channel>:<chat>`, default ≥ 1 s apart) and the
 * per-credential key (`pace:<channel>:cred:<credential>`, 1000/rate ms apart),
 * and pushes both keys forward. The Redis clock is used so that workers with
 * skewed clocks still agree. If the wait would exceed `maxWaitMs` nothing is
 * reserved and the caller is told how long to come back after.
 */
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

/** Pushes a credential's next slot to now + ARGV[1] ms unless it is already later. */
const BLOCK_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local until_ = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if until_ > current then redis.call('SET', KEYS[1], until_, 'PX', tonumber(ARGV[1]) + 1000) end
return until_
`;

export interface PacerOptions {
  redis: Redis;
  /** Prepended to every key (tests use a unique prefix). Default `''`. */
  keyPrefix?: string;
  /** Minimum spacing between two sends to one chat. Default 1000 ms (Telegram's per-chat advice). */
  perChatIntervalMs?: number;
  /** Sends per second per credential, by channel. Defaults: telegram 25, zalo-bot 5, zalo-oa 5, console 1000. */
  perCredentialRate?: Partial<Record<Channel, number>>;
  /** Longer waits are not slept in-process; the job is delayed instead. Default 3000 ms. */
  maxWaitMs?: number;
}

export type PaceDecision = { granted: true; waitMs: number } | { granted: false; retryAfterMs: number };

export const DEFAULT_CREDENTIAL_RATE: Record<Channel, number> = {
  telegram: 25,
  // Zalo publishes no numbers; start low until measured (platforms.md §2.7).
  'zalo-bot': 5,
  'zalo-oa': 5,
  console: 1000,
};

export class Pacer {
  private readonly keyPrefix: string;
  private readonly perChatIntervalMs: number;
  private readonly rates: Record<Channel, number>;
  private readonly maxWaitMs: number;

  constructor(private readonly options: PacerOptions) {
    this.keyPrefix = options.keyPrefix ?? '';
    this.perChatIntervalMs = options.perChatIntervalMs ?? 1000;
    this.rates = { ...DEFAULT_CREDENTIAL_RATE };
    // Unset entries keep their default (a channel that is off has no rate setting).
    for (const [channel, rate] of Object.entries(options.perCredentialRate ?? {}) as [Channel, number | undefined][]) {
      if (rate !== undefined) this.rates[channel] = rate;
    }
    this.maxWaitMs = options.maxWaitMs ?? 3000;
    for (const [channel, rate] of Object.entries(this.rates)) {
      if (!(rate > 0)) throw new RangeError(`Pacer: rate for ${channel} must be > 0 sends/s, got ${rate}; fix the *_SEND_RATE setting.`);
    }
  }

  /** Reserves a send slot; does not sleep. `credential` defaults to the channel (one bot/OA per channel). */
  async reserve(channel: Channel, chatId: string, credential: string = 'default'): Promise<PaceDecision> {
    const credIntervalMs = Math.ceil(1000 / this.rates[channel]);
    const result = (await this.options.redis.eval(
      RESERVE_SCRIPT,
      2,
      `${this.keyPrefix}pace:${channel}:${chatId}`,
      `${this.keyPrefix}pace:${channel}:cred:${credential}`,
      this.perChatIntervalMs,
      credIntervalMs,
      this.maxWaitMs,
    )) as [number, number];
    return result[0] === 1 ? { granted: true, waitMs: result[1] } : { granted: false, retryAfterMs: result[1] };
  }

  /**
   * After a platform 429: every worker's next send with this credential waits
   * `ms`, so one worker's flood warning is honoured by all of them.
   */
  async block(channel: Channel, ms: number, credential: string = 'default'): Promise<void> {
    await this.options.redis.eval(BLOCK_SCRIPT, 1, `${this.keyPrefix}pace:${channel}:cred:${credential}`, Math.max(0, Math.ceil(ms)));
  }

  /** Reserves and sleeps until the slot; returns the wait, or `retryAfterMs` if it is too far off. */
  async acquire(channel: Channel, chatId: string, credential?: string): Promise<PaceDecision> {
    const decision = await this.reserve(channel, chatId, credential);
    if (decision.granted && decision.waitMs > 0) await new Promise((r) => setTimeout(r, decision.waitMs));
    return decision;
  }
}
