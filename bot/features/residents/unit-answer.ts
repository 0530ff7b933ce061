import { isUnitValidOn } from '../../domain/unit-tree.js';
import { unitName, unitNames } from './event-format.js';
import type { PlaceAnswerer } from './place-flow.js';
import { newContext } from './resident-context.js';
import { capitalize, reply, todayOf } from './resident-turn.js';

/**
 * "Hàng Bồ giờ là phường nào?": the merger note already says it for an old unit; a current
 * unit is named with its parent and, from the lineage rows, what it was formed from.
 */
export const answerUnit: PlaceAnswerer = async ({ turn, kit, store, target }) => {
  const tree = await store.places.tree();
  const asOf = todayOf(turn);
  const lines = [...target.notes];
  if (target.notes.length === 0) {
    for (const unit of target.units) {
      const parent = tree.ancestorsAsOf(unit.id, asOf)[0];
      lines.push(kit.t('res-unit-current', { unit: capitalize(unitName(kit, unit)), parent: parent?.name ?? '', hasParent: parent ? 'yes' : 'no' }));
      const formedFrom = unit.predecessors.map((p) => tree.get(p.unitId)).filter((u) => u !== undefined && !isUnitValidOn(u, asOf));
      if (formedFrom.length > 0) lines.push(kit.t('res-unit-formed-from', { units: unitNames(kit, formedFrom as NonNullable<(typeof formedFrom)[number]>[]) }));
      if (unit.predecessorsUnverified) lines.push(kit.t('res-unit-predecessors-unverified'));
    }
  }
  return reply(turn, [{ text: lines.join('\n') }], newContext(turn.now, { unitIds: target.units.map((u) => u.id) }));
};
