import type { IsoDate } from '../../bot/domain/iso-date.js';
import type { UnitTree } from '../../bot/domain/unit-tree.js';
import { interestCovers, subtreeIds } from '../../bot/features/residents/unit-scope.js';

export interface AudienceUnits {
  /** A subscriber whose `units_of_interest` meets this set receives it. */
  interestUnitIds: string[];
  /** Cadres whose unit is in this set receive it. */
  cadreUnitIds: string[];
}

/**
 * Which unit ids an announcement for `unitId` reaches, computed once from the tree so
 * the recipient query stays one set-based SQL statement (`&&` / `= ANY`):
 * residents who chose the unit, a unit under it, an ancestor of it, or a pre-2025 unit
 * merged into it (domain §2.5); cadres of the unit's subtree.
 */
export function audienceUnits(tree: UnitTree, unitId: string, asOf: IsoDate): AudienceUnits {
  const below = subtreeIds(tree, [unitId], asOf);
  const interest = new Set(below);
  for (const unit of tree.all()) if (interestCovers(tree, unit.id, unitId, asOf)) interest.add(unit.id);
  return { interestUnitIds: [...interest].sort(), cadreUnitIds: [...below].sort() };
}
