import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogueCache } from '../../../worker/store/catalogue-cache.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { seedDomainBasics } from './store-fixtures.js';

describe('catalogue cache: the unit tree once per process', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDomainBasics(db.prisma);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const rename = (name: string) => db.prisma.unit.update({ where: { id: 'hn-p-cuanam' }, data: { name } });

  it('serves the loaded tree until the TTL passes or it is invalidated, then reloads', async () => {
    let now = 1_000_000;
    const cache = createCatalogueCache({ ttlMs: 60_000, now: () => now });
    const original = (await cache.unitTree(db.prisma)).get('hn-p-cuanam')!.name;
    await rename('Phường Thử Nghiệm');
    // Within the TTL: the cached tree, without a query (the rename is not seen).
    expect((await cache.unitTree(db.prisma)).get('hn-p-cuanam')!.name).toBe(original);
    now += 60_000;
    expect((await cache.unitTree(db.prisma)).get('hn-p-cuanam')!.name).toBe('Phường Thử Nghiệm');
    await rename(original);
    cache.invalidate();
    expect((await cache.unitTree(db.prisma)).get('hn-p-cuanam')!.name).toBe(original);
  });

  it('shares one load between concurrent callers and does not keep a failed load', async () => {
    const cache = createCatalogueCache();
    const [a, b] = await Promise.all([cache.unitTree(db.prisma), cache.unitTree(db.prisma)]);
    expect(a).toBe(b);
    cache.invalidate();
    // A load on a transaction that is already aborted fails; the next caller loads afresh.
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT 1/0`.catch(() => undefined);
        return cache.unitTree(tx);
      }),
    ).rejects.toThrow();
    expect((await cache.unitTree(db.prisma)).get('hn-p-cuanam')).toBeDefined();
  });
});
