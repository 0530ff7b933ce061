import { createInMemoryUnitTree } from '../../bot/domain/in-memory-unit-tree.js';
import { createTierCatalog, type TierCatalog } from '../../bot/domain/tier.js';
import type { LineageLink, LineageShare, ParentEdge, UnitNode, UnitTree } from '../../bot/domain/unit-tree.js';
import type { Db } from '../../runtime/database.js';
import { toIsoDate } from './store-dates.js';

/**
 * Loads the whole unit table with its dated parent edges and lineage into the pure
 * UnitTree. A deployment has a few thousand units, so one read per process (or per
 * request in tests) is cheaper than recursive queries for every scope check.
 */
export async function loadUnitTree(db: Db): Promise<UnitTree> {
  const [units, edges, lineage] = await Promise.all([
    db.unit.findMany({ orderBy: { id: 'asc' } }),
    db.unitParentEdge.findMany({ orderBy: [{ unitId: 'asc' }, { validFrom: 'asc' }] }),
    db.unitLineage.findMany(),
  ]);
  const parentsOf = new Map<string, ParentEdge[]>();
  for (const e of edges) {
    parentsOf.set(e.unitId, [...(parentsOf.get(e.unitId) ?? []), { parentId: e.parentId, validFrom: toIsoDate(e.validFrom), validTo: toIsoDate(e.validTo) }]);
  }
  const successors = new Map<string, LineageLink[]>();
  const predecessors = new Map<string, LineageLink[]>();
  for (const l of lineage) {
    const link = (unitId: string): LineageLink => ({ unitId, share: l.share as LineageShare, effectiveOn: toIsoDate(l.effectiveOn), verified: l.verified });
    successors.set(l.fromUnitId, [...(successors.get(l.fromUnitId) ?? []), link(l.toUnitId)]);
    predecessors.set(l.toUnitId, [...(predecessors.get(l.toUnitId) ?? []), link(l.fromUnitId)]);
  }
  const nodes: UnitNode[] = units.map((u) => ({
    id: u.id,
    name: u.name,
    type: u.type,
    orgKind: u.orgKind,
    shortCode: u.shortCode,
    tierCode: u.tierCode,
    aliases: u.aliases,
    validFrom: toIsoDate(u.validFrom),
    validTo: toIsoDate(u.validTo),
    // Units without edge rows fall back to today's parent over the unit's own validity.
    parents: parentsOf.get(u.id) ?? (u.parentId ? [{ parentId: u.parentId, validFrom: toIsoDate(u.validFrom), validTo: toIsoDate(u.validTo) }] : []),
    successors: successors.get(u.id) ?? [],
    predecessors: predecessors.get(u.id) ?? [],
    predecessorsUnverified: u.predecessorsUnverified,
    successorsUnverified: u.successorsUnverified,
  }));
  return createInMemoryUnitTree(nodes);
}

export async function loadTierCatalog(db: Db): Promise<TierCatalog> {
  const tiers = await db.tier.findMany({ orderBy: { rank: 'asc' } });
  return createTierCatalog(tiers.map((t) => ({ code: t.code, rank: t.rank, active: t.active, retiredOn: toIsoDate(t.retiredOn) })));
}
