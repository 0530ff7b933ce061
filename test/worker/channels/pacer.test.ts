import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { Pacer } from '../../../worker/outbound/pacer.js';
import { redisFixture } from './redis.fixture.js';

let fx: Awaited<ReturnType<typeof redisFixture>>;
beforeAll(async () => {
  fx = await redisFixture();
});
afterAll(async () => fx.cleanup());

function pacer(redis: Redis, opts: Partial<ConstructorParameters<typeof Pacer>[0]> = {}): Pacer {
  return new Pacer({ redis, keyPrefix: fx.prefix, ...opts });
}

describe('Pacer', () => {
  it('spaces sends to one chat ≥ 1 s apart across instances (two "workers")', async () => {
    const a = pacer(fx.redis);
    const b = pacer(fx.redis);
    const started = Date.now();
    const first = await a.reserve('telegram', 'chat-1');
    const second = await b.reserve('telegram', 'chat-1');
    expect(first).toEqual({ granted: true, waitMs: 0 });
    expect(second.granted).toBe(true);
    expect((second.granted ? second.waitMs : 0) + (Date.now() - started)).toBeGreaterThanOrEqual(995);
  });

  it('does not reserve beyond maxWaitMs and says when to come back', async () => {
    const p = pacer(fx.redis, { maxWaitMs: 500 });
    await p.reserve('zalo-bot', 'chat-2');
    const d = await p.reserve('zalo-bot', 'chat-2');
    // Holds as long as the two calls take < 500 ms.
    expect(d.granted).toBe(false);
    expect(!d.granted && d.retryAfterMs).toBeGreaterThan(500);
  });

  it('limits the rate per credential across different chats', async () => {
    const p = pacer(fx.redis, { perCredentialRate: { 'zalo-oa': 10 } });
    const waits: number[] = [];
    const started = Date.now();
    for (let i = 0; i < 5; i += 1) {
      const d = await p.reserve('zalo-oa', `user-${i}`);
      waits.push(d.granted ? d.waitMs : -1);
    }
    // 10/s → slots 100 ms apart: the 5th slot is 400 ms after the first
    // (minus the time the five calls themselves took on a busy machine).
    const elapsed = Date.now() - started;
    expect(waits[0]).toBe(0);
    expect(waits[4]! + elapsed).toBeGreaterThanOrEqual(395);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
  });

  it('rejects a zero rate with a fix hint', () => {
    expect(() => pacer(fx.redis, { perCredentialRate: { telegram: 0 } })).toThrow(/SEND_RATE/);
  });
});

describe('Pacer defaults', () => {
  it('keeps a channel default when its rate is left unset', async () => {
    const p = pacer(fx.redis, { perCredentialRate: { telegram: undefined, 'zalo-oa': 2 } });
    expect((await p.reserve('telegram', 'd-1')).granted).toBe(true);
  });
});
