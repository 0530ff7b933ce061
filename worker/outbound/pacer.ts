import type { Redis } from 'ioredis';
import type { Channel } from '../../bot/core/inbound-event.js';
import type { PaceStore } from './pace-store.js';
import { RedisPaceStore } from './redis-pace-store.js';

/**
 * Cross-process send pacing (BullMQ OSS has no per-group limiter), on Redis or on
 * PostgreSQL (pace-store.ts explains the algorithm and why both are twins).
 *
 * `reserve` takes the next slot satisfying both the per-chat key
 * (`pace:<channel>:<chat>`, default ≥ 1 s apart) and the per-credential key
 * (`pace:<channel>:cred:<credential>`, 1000/rate ms apart). If the wait would
 * exceed `maxWaitMs` nothing is reserved and the caller is told when to come back.
 *
 * A platform 429 (`rateLimited`) pauses the CHAT it was sent to: Telegram's and
 * Zalo's limits that a well-paced bot meets are per chat (Telegram: ~1/s per chat,
 * 20/min per group; platforms.md §3.3), so one busy chat must not hold every other
 * user's reply. Only when several different chats are refused within a short
 * window is the bot as a whole over its rate, and then the credential pauses too.
 */
export interface PacerOptions {
  /** Where slots live (RedisPaceStore or PostgresPaceStore). */
  store?: PaceStore;
  /** Shorthand for `store: new RedisPaceStore(redis)`. */
  redis?: Redis;
  /** Prepended to every key (tests use a unique prefix). Default `''`. */
  keyPrefix?: string;
  /** Minimum spacing between two sends to one chat. Default 1000 ms (Telegram's per-chat advice). */
  perChatIntervalMs?: number;
  /**
   * Sends per second per credential, by channel. Defaults: telegram 25, zalo-bot 5,
   * zalo-oa 5, console 1000. 0 = that channel is not paced at all (loopback fakes, benchmarks).
   */
  perCredentialRate?: Partial<Record<Channel, number>>;
  /** Longer waits are not slept in-process; the job is delayed instead. Default 3000 ms. */
  maxWaitMs?: number;
  /** 429s on this many distinct chats within `overRateWindowMs` pause the whole credential. Default 3. */
  overRateChats?: number;
  /** Default 10 000 ms. */
  overRateWindowMs?: number;
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
  private readonly store: PaceStore;

  constructor(private readonly options: PacerOptions) {
    if (options.store) this.store = options.store;
    else if (options.redis) this.store = new RedisPaceStore(options.redis);
    else throw new TypeError('Pacer needs a `store` (RedisPaceStore or PostgresPaceStore); runtime/channels.ts picks the one of the queue backend.');
    this.keyPrefix = options.keyPrefix ?? '';
    this.perChatIntervalMs = options.perChatIntervalMs ?? 1000;
    this.rates = { ...DEFAULT_CREDENTIAL_RATE };
    // Unset entries keep their default (a channel that is off has no rate setting).
    for (const [channel, rate] of Object.entries(options.perCredentialRate ?? {}) as [Channel, number | undefined][]) {
      if (rate !== undefined) this.rates[channel] = rate;
    }
    this.maxWaitMs = options.maxWaitMs ?? 3000;
    for (const [channel, rate] of Object.entries(this.rates)) {
      if (!(rate >= 0) || !Number.isFinite(rate)) throw new RangeError(`Pacer: rate for ${channel} must be ≥ 0 sends/s (0 = unpaced), got ${rate}; fix the *_SEND_RATE setting.`);
    }
  }

  /** Whether `channel` runs unpaced (its *_SEND_RATE is 0). */
  isUnpaced(channel: Channel): boolean {
    return this.rates[channel] === 0;
  }

  /** Reserves a send slot; does not sleep. `credential` defaults to the channel (one bot/OA per channel). */
  async reserve(channel: Channel, chatId: string, credential: string = 'default', maxWaitMs: number = this.maxWaitMs): Promise<PaceDecision> {
    if (this.isUnpaced(channel)) return { granted: true, waitMs: 0 };
    const credIntervalMs = Math.ceil(1000 / this.rates[channel]);
    const result = await this.store.reserve(this.chatKey(channel, chatId, credential), this.credentialKey(channel, credential), this.perChatIntervalMs, credIntervalMs, Math.min(maxWaitMs, this.maxWaitMs));
    return result.granted ? { granted: true, waitMs: result.waitMs } : { granted: false, retryAfterMs: result.waitMs };
  }

  /** Every worker's next send with this credential waits `ms` (the platform said the whole bot/OA is over its rate). */
  async block(channel: Channel, ms: number, credential: string = 'default'): Promise<void> {
    await this.store.block(this.credentialKey(channel, credential), ms);
  }

  /** Every worker's next send to this chat waits `ms`; other chats are not affected. */
  async blockChat(channel: Channel, chatId: string, ms: number, credential: string = 'default'): Promise<void> {
    await this.store.block(this.chatKey(channel, chatId, credential), ms);
  }

  /**
   * After a platform 429 on a send to `chatId`: pauses that chat for `ms`, and the
   * whole credential too when `overRateChats` different chats were refused within
   * `overRateWindowMs`. Returns what was paused.
   */
  async rateLimited(channel: Channel, chatId: string, ms: number, credential: string = 'default'): Promise<'chat' | 'credential'> {
    await this.blockChat(channel, chatId, ms, credential);
    const chats = await this.store.noteRateLimited(this.credentialKey(channel, credential), chatId, this.options.overRateWindowMs ?? 10_000);
    if (chats < (this.options.overRateChats ?? 3)) return 'chat';
    await this.block(channel, ms, credential);
    return 'credential';
  }

  /** Reserves and sleeps until the slot; returns the wait, or `retryAfterMs` if it is further off than `maxWaitMs` (default the pacer's). */
  async acquire(channel: Channel, chatId: string, credential?: string, maxWaitMs?: number): Promise<PaceDecision> {
    const decision = await this.reserve(channel, chatId, credential, maxWaitMs);
    if (decision.granted && decision.waitMs > 0) await new Promise((r) => setTimeout(r, decision.waitMs));
    return decision;
  }

  /** A chat of another account (bot / OA) is another chat: one user may talk to two wards' bots. */
  private chatKey(channel: Channel, chatId: string, credential: string = 'default'): string {
    return credential === 'default' ? `${this.keyPrefix}pace:${channel}:${chatId}` : `${this.keyPrefix}pace:${channel}:acct:${credential}:${chatId}`;
  }

  private credentialKey(channel: Channel, credential: string): string {
    return `${this.keyPrefix}pace:${channel}:cred:${credential}`;
  }
}
