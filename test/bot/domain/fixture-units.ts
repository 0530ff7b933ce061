import type { LineageLink, LineageShare, UnitNode } from '../../../bot/domain/unit-tree.js';
import type { TierConfig } from '../../../bot/domain/tier.js';
import { readSeedFixture } from '../../../prisma/seed/seed-fixture.js';

/** The seed fixture (prisma/seed/dvk-seed.json), read with the seed's own reader and types. */
export const fixture = readSeedFixture();

/** Short codes the tests (and the demo seed) use; Hàng Bồ/Hàng Bài both fold to "HB", hence data. */
const SHORT_CODES: Record<string, string> = { 'hn-p-cuanam': 'CN', 'hn-p-hoankiem': 'HK', 'hn-p-tayho': 'TH' };
const TIER_CODES: Record<string, string> = { 'hn-p-cuanam': 'xa', 'hn-p-hoankiem': 'xa', hn: 'tinh', vn: 'trung_uong', 'hn-q-hoankiem': 'huyen' };

/** The fixture's units as domain nodes, lineage in both directions, HCMC numbered wards unverified. */
export function fixtureUnitNodes(): UnitNode[] {
  const successors = new Map<string, LineageLink[]>();
  const predecessors = new Map<string, LineageLink[]>();
  const link = (from: string, to: string, share: LineageShare, verified: boolean, effectiveOn: string | null) => {
    successors.set(from, [...(successors.get(from) ?? []), { unitId: to, share, verified, effectiveOn }]);
    predecessors.set(to, [...(predecessors.get(to) ?? []), { unitId: from, share, verified, effectiveOn }]);
  };
  for (const u of fixture.units) {
    const effective = u.valid_to ? nextDay(u.valid_to) : null;
    for (const s of u.successors ?? []) link(u.id, s.id, s.share, true, effective);
    if (u.predecessor_district) link(u.predecessor_district, u.id, 'part', false, u.valid_from ?? null);
  }
  return fixture.units.map((u) => ({
    id: u.id,
    name: u.name,
    type: u.type,
    orgKind: u.org_kind ?? null,
    shortCode: SHORT_CODES[u.id] ?? null,
    tierCode: TIER_CODES[u.id] ?? null,
    aliases: u.aliases ?? [],
    validFrom: u.valid_from ?? null,
    validTo: u.valid_to ?? null,
    parents: u.parent_id ? [{ parentId: u.parent_id, validFrom: u.valid_from ?? null, validTo: u.valid_to ?? null }] : [],
    successors: successors.get(u.id) ?? [],
    predecessors: predecessors.get(u.id) ?? [],
    successorsUnverified: u.successors_unverified ?? false,
    predecessorsUnverified: u.predecessors_unverified ?? false,
  }));
}

export function fixtureTiers(): TierConfig[] {
  return fixture.tiers.map((t) => ({ code: t.code, rank: t.rank, active: t.active, retiredOn: t.retired_on ?? null }));
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
