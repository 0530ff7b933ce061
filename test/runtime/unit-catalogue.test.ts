import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatIdentity } from '../../bot/core/identity.js';
import { runSeed } from '../../prisma/seed/seed.js';
import { createUnitCatalogue } from '../../runtime/unit-catalogue.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { seedDomainBasics } from '../worker/store/store-fixtures.js';

const resident: ChatIdentity = { userId: 'console:uc-resident', role: 'resident', unitId: null, locale: 'vi', displayName: null };

describe('unit catalogue (cached units for the NLU)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('serves the cached tree, reloads an empty one soon and a full one only when stale', async () => {
    let clock = 0;
    const catalogue = createUnitCatalogue({ prisma: db.prisma, now: () => clock, maxAgeMs: 60_000, emptyMaxAgeMs: 1_000 });
    expect((await catalogue.refresh())!.all()).toHaveLength(0);
    await seedDomainBasics(db.prisma);
    expect(catalogue.current()!.all()).toHaveLength(0); // still fresh: no query
    clock += 1_001;
    catalogue.current(); // stale while empty: reloads in the background
    await expect.poll(() => catalogue.current()!.all().length).toBeGreaterThan(0);
    const full = catalogue.current();
    clock += 30_000;
    expect(catalogue.current()).toBe(full); // not stale yet: the same tree, no reload
  });
});

/** The running product (no `understand` override) resolves places in understanding against the database's units. */
describe('the running product passes the unit catalogue to the NLU', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await runSeed(t.db.prisma); // after start-up: the catalogue picks the units up by itself
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('fills slots.placeUnit with the unit id and canonical name, honouring the tier word', async () => {
    const placeUnit = () => t.app.understand!('phường Hoàn Kiếm có ngày hội không', resident).slots.placeUnit;
    await expect.poll(placeUnit, { timeout: 10_000 }).toEqual({ id: 'hn-p-hoankiem', name: 'Hoàn Kiếm' });
    // Without a tier word "Hoàn Kiếm" is today's ward or the abolished district: no single unit, the flow asks.
    const bare = t.app.understand!('Hoàn Kiếm có ngày hội không', resident).slots;
    expect(bare.place).toBeDefined();
    expect(bare.placeUnit).toBeUndefined();
  });

  it('the same understanding drives a turn through the queue and the worker', async () => {
    await t.console.user('uc-resident', { role: 'resident' });
    const [reply] = await t.console.say('uc-resident', 'phường Cửa Nam có ngày hội nào sắp tới không');
    expect(reply!.text).toContain('Cửa Nam');
  });
});
