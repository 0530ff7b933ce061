import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pacer, type PacerOptions } from '../../../worker/outbound/pacer.js';
import type { PaceStore } from '../../../worker/outbound/pace-store.js';
import { RedisPaceStore } from '../../../worker/outbound/redis-pace-store.js';
import { PostgresPaceStore } from '../../../worker/outbound/postgres-pace-store.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { redisAvailable } from '../../helpers/test-redis.js';
import { redisFixture } from './redis.fixture.js';

/**
 * The same pacing cases on both stores (issue 12 item 4: both queue backends pace
 * the same way). Redis cases skip, saying why, where no Redis runs.
 */
const backends: { name: string; skip: boolean; open: () => Promise<{ store: PaceStore; close: () => Promise<void> }> }[] = [
  {
    name: 'PostgreSQL',
    skip: false,
    open: async () => {
      const db: TestDatabase = await createTestDatabase();
      return { store: new PostgresPaceStore(db.prisma), close: () => db.drop() };
    },
  },
  {
    name: 'Redis',
    skip: !redisAvailable(),
    open: async () => {
      const fx = await redisFixture();
      return { store: new RedisPaceStore(fx.redis), close: fx.cleanup };
    },
  },
];

for (const backend of backends) {
  describe.skipIf(backend.skip)(`Pacer on ${backend.name}`, () => {
    let store: PaceStore;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, close } = await backend.open());
    });
    afterAll(async () => close?.());
    const pacer = (opts: Partial<PacerOptions> = {}) => new Pacer({ store, keyPrefix: `t-${randomUUID().slice(0, 8)}:`, ...opts });

    it('spaces sends to one chat ≥ 1 s apart across instances (two "workers")', async () => {
      const prefix = `t-${randomUUID().slice(0, 8)}:`;
      const a = new Pacer({ store, keyPrefix: prefix });
      const b = new Pacer({ store, keyPrefix: prefix });
      const started = Date.now();
      const first = await a.reserve('telegram', 'chat-1');
      const second = await b.reserve('telegram', 'chat-1');
      expect(first).toEqual({ granted: true, waitMs: 0 });
      expect(second.granted).toBe(true);
      expect((second.granted ? second.waitMs : 0) + (Date.now() - started)).toBeGreaterThanOrEqual(995);
    });

    it('does not reserve beyond maxWaitMs and says when to come back', async () => {
      const p = pacer({ maxWaitMs: 500 });
      await p.reserve('zalo-bot', 'chat-2');
      const d = await p.reserve('zalo-bot', 'chat-2');
      // Holds as long as the two calls take < 500 ms.
      expect(d.granted).toBe(false);
      expect(!d.granted && d.retryAfterMs).toBeGreaterThan(500);
    });

    it('limits the rate per credential across different chats', async () => {
      const p = pacer({ perCredentialRate: { 'zalo-oa': 10 } });
      const waits: number[] = [];
      const started = Date.now();
      for (let i = 0; i < 5; i += 1) {
        const d = await p.reserve('zalo-oa', `user-${i}`);
        waits.push(d.granted ? d.waitMs : -1);
      }
      // 10/s → slots 100 ms apart: the 5th slot is 400 ms after the first
      // (minus the time the five calls themselves took on a busy machine).
      // (A call slower than 100 ms on a loaded machine finds its slot already due: wait 0,
      // so the waits need not be sorted; the span of the slots is what pacing guarantees.)
      const elapsed = Date.now() - started;
      expect(waits[0]).toBe(0);
      expect(waits.every((w) => w >= 0)).toBe(true);
      expect(waits[4]! + elapsed).toBeGreaterThanOrEqual(395);
    });

    it('a 429 on one chat pauses that chat only; 429s on three chats pause the credential', async () => {
      const p = pacer({ maxWaitMs: 1_000 });
      expect(await p.rateLimited('telegram', 'busy', 20_000)).toBe('chat');
      const busy = await p.reserve('telegram', 'busy');
      expect(busy.granted).toBe(false);
      expect(!busy.granted && busy.retryAfterMs).toBeGreaterThan(15_000);
      expect(await p.reserve('telegram', 'other')).toMatchObject({ granted: true });
      expect(await p.rateLimited('telegram', 'second', 20_000)).toBe('chat');
      expect(await p.rateLimited('telegram', 'third', 20_000)).toBe('credential');
      expect((await p.reserve('telegram', 'fourth')).granted).toBe(false);
    });

    it('runs a channel unpaced when its rate is 0, and refuses a negative rate with a fix hint', async () => {
      const p = pacer({ perCredentialRate: { telegram: 0 } });
      for (let i = 0; i < 5; i += 1) expect(await p.reserve('telegram', 'same-chat')).toEqual({ granted: true, waitMs: 0 });
      expect(() => pacer({ perCredentialRate: { telegram: -1 } })).toThrow(/SEND_RATE/);
    });

    it('keeps a channel default when its rate is left unset', async () => {
      const p = pacer({ perCredentialRate: { telegram: undefined, 'zalo-oa': 2 } });
      expect((await p.reserve('telegram', 'd-1')).granted).toBe(true);
    });
  });
}
