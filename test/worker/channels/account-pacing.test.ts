import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pacer } from '../../../worker/outbound/pacer.js';
import { PostgresPaceStore } from '../../../worker/outbound/postgres-pace-store.js';
import { RedisPaceStore } from '../../../worker/outbound/redis-pace-store.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { redisAvailable } from '../../helpers/test-redis.js';
import { redisFixture } from './redis.fixture.js';

/**
 * Issue 14.1: pacing and 429 pauses are per channel account. Two wards' bots may
 * talk to the same person (same platform chat id) at the same instant, and one
 * bot's 429 must not pause the other; the default account keeps its old keys.
 */
describe('pacing per channel account (PostgreSQL store)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.drop());

  it('keys chats and credentials by account; the default account keeps the old keys', async () => {
    const prefix = `t-${randomUUID().slice(0, 8)}:`;
    const pacer = new Pacer({ store: new PostgresPaceStore(db.prisma), keyPrefix: prefix });
    expect(await pacer.reserve('telegram', '555', 'ward-a')).toEqual({ granted: true, waitMs: 0 });
    // Same person, other ward's bot, same instant: not held by ward A's per-chat spacing.
    expect(await pacer.reserve('telegram', '555', 'ward-b')).toEqual({ granted: true, waitMs: 0 });
    expect(await pacer.reserve('telegram', '555')).toEqual({ granted: true, waitMs: 0 });
    const keys = (await db.prisma.paceSlot.findMany({ where: { key: { startsWith: prefix } }, select: { key: true } })).map((r) => r.key.slice(prefix.length)).sort();
    expect(keys).toEqual([
      'pace:telegram:555',
      'pace:telegram:acct:ward-a:555',
      'pace:telegram:acct:ward-b:555',
      'pace:telegram:cred:default',
      'pace:telegram:cred:ward-a',
      'pace:telegram:cred:ward-b',
    ]);
  });
});

describe.skipIf(!redisAvailable())('pacing per channel account (Redis store)', () => {
  let fx: Awaited<ReturnType<typeof redisFixture>>;
  beforeAll(async () => {
    fx = await redisFixture();
  });
  afterAll(async () => fx?.cleanup());

  it("a credential-wide 429 pause of one account leaves the other account's sends alone", async () => {
    const pacer = new Pacer({ store: new RedisPaceStore(fx.redis), keyPrefix: fx.prefix, maxWaitMs: 1_000 });
    await pacer.block('zalo-oa', 30_000, 'ward-a');
    const a = await pacer.reserve('zalo-oa', 'u1', 'ward-a');
    const b = await pacer.reserve('zalo-oa', 'u1', 'ward-b');
    expect(a.granted).toBe(false);
    expect(b).toEqual({ granted: true, waitMs: 0 });
    expect(await fx.redis.exists(`${fx.prefix}pace:zalo-oa:cred:ward-a`)).toBe(1);
  });
});
