import type { IsoDate } from './iso-date.js';
import { isUnitValidOn, type UnitNode, type UnitTree } from './unit-tree.js';

/**
 * The units that carry a former unit on today (2025 mergers): itself when it still
 * exists, else its successors followed until one exists, wholly-taken ones first.
 * A split ward has several; an unknown mapping gives none.
 */
export function currentSuccessors(units: UnitTree, unitId: string, today: IsoDate): UnitNode[] {
  const found = new Map<string, UnitNode>();
  const seen = new Set<string>();
  const rank = { whole: 0, most: 1, part: 2 } as const;
  const visit = (id: string, depth: number): void => {
    if (depth > 5 || seen.has(id)) return;
    seen.add(id);
    const node = units.get(id);
    if (!node) return;
    if (isUnitValidOn(node, today)) {
      found.set(node.id, node);
      return;
    }
    for (const link of [...node.successors].sort((a, b) => rank[a.share] - rank[b.share])) visit(link.unitId, depth + 1);
  };
  visit(unitId, 0);
  return [...found.values()];
}
