import type { IsoDate } from '../../domain/iso-date.js';
import type { PlaceResolution } from '../../domain/place-resolver.js';
import { slotPlaceUnit } from '../slot-place-unit.js';
import type { ResidentStore } from './resident-services.js';

/**
 * The place a resident typed, NLU unit first: when the NLU named one unit (`slots.placeUnit`, tier word honoured)
 * the answer is about that unit. The words are still resolved, because the reply needs what surrounds the unit:
 * a same-name old ward to mention ("phường Cửa Nam hiện nay"), or — for a history question — the choice between
 * them. That reading is kept when it includes the NLU's unit; otherwise the unit's own resolution is used.
 */
export async function resolveTypedPlace(store: ResidentStore, slots: Record<string, unknown>, place: string, asOf: IsoDate): Promise<PlaceResolution> {
  const fromWords = await store.places.resolve(place, asOf);
  const unit = slotPlaceUnit(slots);
  if (!unit || names(fromWords, unit.id)) return fromWords;
  return (await store.places.resolveUnit(unit.id, asOf)) ?? fromWords;
}

function names(resolution: PlaceResolution, unitId: string): boolean {
  switch (resolution.kind) {
    case 'current':
    case 'former':
      return resolution.unit.id === unitId;
    case 'ambiguous':
      return resolution.candidates.some((c) => c.unit.id === unitId);
    default:
      return false;
  }
}
