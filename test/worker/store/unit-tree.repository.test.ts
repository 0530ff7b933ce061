import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlaceResolver, type PlaceResolver } from '../../../bot/domain/place-resolver.js';
import { createScopePolicy } from '../../../bot/domain/scope-policy.js';
import type { UnitTree } from '../../../bot/domain/unit-tree.js';
import { loadTierCatalog, loadUnitTree } from '../../../worker/store/unit-tree.repository.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { seedDomainBasics } from './store-fixtures.js';

const asOf = '2026-11-23';

describe('unit tree and place resolution over the seeded PostgreSQL units', () => {
  let db: TestDatabase;
  let units: UnitTree;
  let resolver: PlaceResolver;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDomainBasics(db.prisma);
    units = await loadUnitTree(db.prisma);
    resolver = createPlaceResolver({ units });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('loads dated parent edges, lineage with dates and the unverified HCMC mapping', () => {
    expect(units.get('hk-hangbo')).toMatchObject({
      validTo: '2025-06-30',
      parents: [{ parentId: 'hn-q-hoankiem', validFrom: null, validTo: '2025-06-30' }],
      successors: [{ unitId: 'hn-p-hoankiem', share: 'whole', effectiveOn: '2025-07-01', verified: true }],
    });
    expect(units.get('hn-p-cuanam')).toMatchObject({ shortCode: 'CN', tierCode: 'xa' });
    expect(units.get('hcm-q-binhthanh')!.successors.map((s) => [s.unitId, s.verified]).sort()).toEqual([
      ['hcm-p-binhloitrung', false], ['hcm-p-binhquoi', false], ['hcm-p-binhthanh', false], ['hcm-p-giadinh', false], ['hcm-p-thanhmytay', false],
    ]);
    expect(units.ancestorsAsOf('org-hangbo-ca', '2024-01-01').map((u) => u.id)).toEqual(['hk-hangbo', 'hn-q-hoankiem', 'hn', 'vn']);
    expect(units.isInSubtree('hn-p-cuanam', 'hn', asOf)).toBe(true);
    expect(units.isInSubtree('hk-hangbo', 'hn-q-hoankiem', asOf)).toBe(false);
  });

  it.each([
    ['Hàng Bồ', 'former', ['hn-p-hoankiem']],
    ['p. hang bo', 'former', ['hn-p-hoankiem']],
    ['phường Hàng Trống', 'former', ['hn-p-hoankiem', 'hn-p-cuanam']],
    ['quang an', 'former', ['hn-p-tayho', 'hn-p-hongha']],
    ['Hoàn Kiếm', 'ambiguous', ['hn-p-hoankiem', 'hn-q-hoankiem']],
    ['tay ho', 'ambiguous', ['hn-p-tayho', 'hn-q-tayho']],
    ['Bình Thạnh', 'ambiguous', ['hcm-p-binhthanh', 'hcm-q-binhthanh']],
    ['cua nam', 'ambiguous', ['hn-p-cuanam', 'hk-cuanam-old']],
    ['phường 25 bình thạnh', 'unverified', ['hcm-p-binhloitrung', 'hcm-p-binhquoi', 'hcm-p-binhthanh', 'hcm-p-giadinh', 'hcm-p-thanhmytay']],
    ['Hồng Hà', 'current', ['hn-p-hongha']],
  ])('%s → %s %j', (text, kind, expected) => {
    const r = resolver.resolvePlace(text, { asOf });
    expect(r.kind).toBe(kind);
    const ids =
      r.kind === 'former' ? r.successors.map((s) => s.unit.id)
      : r.kind === 'ambiguous' ? r.candidates.map((c) => c.unit.id)
      : r.kind === 'unverified' ? r.candidates.map((u) => u.id).sort()
      : r.kind === 'current' ? [r.unit.id]
      : [];
    expect(ids).toEqual(expected);
  });

  it('scope as of today follows lineage for records of merged wards', async () => {
    const scope = createScopePolicy({ units, tiers: await loadTierCatalog(db.prisma) });
    expect(scope.unitWithinScope('org-hangbo-ca', 'hn-p-hoankiem', asOf)).toBe('lineage');
    expect(scope.unitWithinScope('org-hangbo-ca', 'hn-p-cuanam', asOf)).toBe(false);
    expect(scope.unitWithinScope('hn-p-cuanam', 'hn', asOf)).toBe('tree');
    expect(scope.checkRecognitionTier({ grant: undefined, isAdmin: true, tierCode: 'huyen', decisionDate: '2025-07-01' })?.reason).toBe('tier-retired');
    expect(scope.checkRecognitionTier({ grant: undefined, isAdmin: true, tierCode: 'huyen', decisionDate: '2025-06-30' })).toBeNull();
  });
});
