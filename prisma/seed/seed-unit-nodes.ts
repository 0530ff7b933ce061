/**
 * The seed fixture's units as domain nodes (lineage in both directions, HCMC numbered wards unverified), for
 * tools that need the unit tree without a database: `npm run nlu` / `eval:nlu` resolve place slots with it.
 */
import type { LineageLink, LineageShare, UnitNode } from '../../bot/domain/unit-tree.js';
import { readSeedFixture, type SeedFixture } from './seed-fixture.js';

export interface SeedUnitCodes {
  /** unit id → short code used in registration codes ("CN"). */
  shortCodes?: Readonly<Record<string, string>>;
  /** unit id → tier code ("xa"). */
  tierCodes?: Readonly<Record<string, string>>;
}

export function seedUnitNodes(fixture: SeedFixture = readSeedFixture(), codes: SeedUnitCodes = {}): UnitNode[] {
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
    shortCode: codes.shortCodes?.[u.id] ?? null,
    tierCode: codes.tierCodes?.[u.id] ?? null,
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

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
