import type { UnitNode } from '../../../bot/domain/unit-tree.js';
import type { TierConfig } from '../../../bot/domain/tier.js';
import { readSeedFixture } from '../../../prisma/seed/seed-fixture.js';
import { seedUnitNodes } from '../../../prisma/seed/seed-unit-nodes.js';

/** The seed fixture (prisma/seed/dvk-seed.json), read with the seed's own reader and types. */
export const fixture = readSeedFixture();

/** Short codes the tests (and the demo seed) use; Hàng Bồ/Hàng Bài both fold to "HB", hence data. */
const SHORT_CODES: Record<string, string> = { 'hn-p-cuanam': 'CN', 'hn-p-hoankiem': 'HK', 'hn-p-tayho': 'TH' };
const TIER_CODES: Record<string, string> = { 'hn-p-cuanam': 'xa', 'hn-p-hoankiem': 'xa', hn: 'tinh', vn: 'trung_uong', 'hn-q-hoankiem': 'huyen' };

/** The fixture's units as domain nodes, lineage in both directions, HCMC numbered wards unverified. */
export function fixtureUnitNodes(): UnitNode[] {
  return seedUnitNodes(fixture, { shortCodes: SHORT_CODES, tierCodes: TIER_CODES });
}

export function fixtureTiers(): TierConfig[] {
  return fixture.tiers.map((t) => ({ code: t.code, rank: t.rank, active: t.active, retiredOn: t.retired_on ?? null }));
}
