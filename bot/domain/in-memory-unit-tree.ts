import { isWithin, type IsoDate } from './iso-date.js';
import type { UnitNode, UnitTree } from './unit-tree.js';

/**
 * A UnitTree over a loaded list of units. Repositories load the whole table once
 * (a few thousand rows per deployment) and hand it here, so scope checks stay pure.
 */
export function createInMemoryUnitTree(units: readonly UnitNode[]): UnitTree {
  const byId = new Map(units.map((u) => [u.id, u]));

  function parentAsOf(id: string, date: IsoDate): UnitNode | undefined {
    const unit = byId.get(id);
    const edge = unit?.parents.find((p) => isWithin(date, p.validFrom, p.validTo));
    return edge ? byId.get(edge.parentId) : undefined;
  }

  function ancestorsAsOf(id: string, date: IsoDate): UnitNode[] {
    const chain: UnitNode[] = [];
    const seen = new Set([id]);
    let current = parentAsOf(id, date);
    // The seen-set guards against a cycle introduced by bad data.
    while (current && !seen.has(current.id)) {
      chain.push(current);
      seen.add(current.id);
      current = parentAsOf(current.id, date);
    }
    return chain;
  }

  return {
    get: (id) => byId.get(id),
    all: () => units,
    ancestorsAsOf,
    isInSubtree(unitId, rootId, asOf) {
      if (!byId.has(unitId)) return false;
      return unitId === rootId || ancestorsAsOf(unitId, asOf).some((a) => a.id === rootId);
    },
  };
}
