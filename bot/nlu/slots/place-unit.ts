/**
 * The place slot resolved to one unit (canonical name and id) through the domain's place resolution, so the tier
 * word is honoured the same way everywhere. Only an answer that names ONE unit fills the slot: an ambiguous name
 * ("Bình Thạnh" alone) leaves it empty and the flow asks.
 */
import { vietnamDateOf } from '../../domain/iso-date.js';
import type { PlaceResolver } from '../../domain/place-resolver.js';
import type { Clock } from '../../core/clock.js';

export interface PlaceUnit {
  id: string;
  name: string;
}

export function resolvePlaceUnit(place: string, resolver: PlaceResolver, clock: Clock): PlaceUnit | undefined {
  const answer = resolver.resolvePlace(place, { asOf: vietnamDateOf(clock.now()) });
  if (answer.kind === 'current' || answer.kind === 'former') return { id: answer.unit.id, name: answer.unit.name };
  return undefined;
}
