import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../../../prisma/seed/seed.js';
import { DEFAULT_BROADCAST_SETTINGS } from '../../../worker/broadcast/broadcast-settings.js';
import { countOaBroadcast, vietnamMonthOf } from '../../../worker/broadcast/oa-monthly-quota.js';
import { previewBroadcastAudience } from '../../../worker/broadcast/plan-broadcast.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { seededUserId, seedSubscribers } from './broadcast-fixtures.js';

/** The Zalo OA per-follower quota counts per calendar month in Vietnam time, with the injected clock. */
const UNIT = 'hn-p-cuanam';
const spec = { unitId: UNIT, audience: 'residents' as const, kind: 'recognition' as const };
// 23:59 on 30 November and 00:00 on 1 December in Hà Nội (UTC+7).
const lastMinuteOfNovember = new Date('2026-11-30T16:59:00Z');
const firstMinuteOfDecember = new Date('2026-11-30T17:00:00Z');
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await runSeed(db.prisma);
  await seedSubscribers(db.prisma, { unitId: UNIT, perChannel: { 'zalo-oa': 3 }, prefix: 'mq', now: lastMinuteOfNovember });
}, 60_000);
afterAll(async () => {
  await db?.drop();
});

describe('the Zalo OA monthly quota', () => {
  it('names the month in Vietnam time, not UTC', () => {
    expect(vietnamMonthOf(lastMinuteOfNovember)).toBe('2026-11');
    expect(vietnamMonthOf(firstMinuteOfDecember)).toBe('2026-12');
  });

  it('a follower at the quota in November is sendable again on 1 December, and the count starts over', async () => {
    const full = seededUserId('zalo-oa', 'mq', 1);
    for (let i = 0; i < DEFAULT_BROADCAST_SETTINGS.oaMonthlyQuota; i += 1) await countOaBroadcast(db.prisma, full, lastMinuteOfNovember);
    expect(await db.prisma.subscriber.findUnique({ where: { userId: full } })).toMatchObject({ broadcastsThisMonth: 4, broadcastsMonth: '2026-11' });

    const november = await previewBroadcastAudience(db.prisma, spec, DEFAULT_BROADCAST_SETTINGS, lastMinuteOfNovember);
    expect(november.skipped).toEqual({ oa_quota: 1 });
    expect(november.sendable['zalo-oa']?.residents).toBe(2);

    const december = await previewBroadcastAudience(db.prisma, spec, DEFAULT_BROADCAST_SETTINGS, firstMinuteOfDecember);
    expect(december.skipped).toEqual({});
    expect(december.sendable['zalo-oa']?.residents).toBe(3);

    await countOaBroadcast(db.prisma, full, firstMinuteOfDecember);
    expect(await db.prisma.subscriber.findUnique({ where: { userId: full } })).toMatchObject({ broadcastsThisMonth: 1, broadcastsMonth: '2026-12' });
  });
});
