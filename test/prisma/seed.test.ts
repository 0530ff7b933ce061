import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../../prisma/seed/seed.js';
import { readSeedFixture } from '../../prisma/seed/seed-fixture.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

describe('seed', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function counts() {
    const p = db.prisma;
    const tables = Object.keys(p).filter((key) => !key.startsWith('$') && !key.startsWith('_'));
    const result: Record<string, number> = {};
    for (const table of tables) {
      const delegate = (p as unknown as Record<string, { count?: () => Promise<number> }>)[table];
      if (typeof delegate?.count === 'function') result[table] = await delegate.count();
    }
    return result;
  }

  it('loads the fixture, and loading it twice leaves the same rows', async () => {
    await runSeed(db.prisma);
    const first = await counts();
    const fixture = readSeedFixture();
    expect(first.unit).toBe(fixture.units.length);
    expect(first.tier).toBe(fixture.tiers.length);
    await runSeed(db.prisma);
    expect(await counts()).toEqual(first);
  });

  it('keeps lineage with shares and NFC names', async () => {
    const hangTrong = await db.prisma.unit.findUniqueOrThrow({ where: { id: 'hk-hangtrong' }, include: { successors: true } });
    expect(hangTrong.successors.map((s) => [s.toUnitId, s.share]).sort()).toEqual([
      ['hn-p-cuanam', 'part'],
      ['hn-p-hoankiem', 'part'],
    ]);
    expect(hangTrong.name).toBe('Hàng Trống'.normalize('NFC'));
    expect(hangTrong.validTo?.toISOString().slice(0, 10)).toBe('2025-06-30');
  });
});
