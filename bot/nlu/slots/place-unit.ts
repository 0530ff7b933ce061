/**
 * The place slot resolved to one unit (canonical name and id) through the domain's place resolution, so the tier
 * word is honoured the same way everywhere. Only an answer that names ONE unit fills the slot: an ambiguous name
 * ("Bình Thạnh" alone) leaves it empty and the flow asks.
 */
import { vietnamDateOf } from '../../domain/iso-date.js';
import { splitPlaceSegments } from '../../domain/place-query.js';
import type { PlaceResolution, PlaceResolver } from '../../domain/place-resolver.js';
import type { UnitNode } from '../../domain/unit-tree.js';
import type { Clock } from '../../core/clock.js';

export interface PlaceUnit {
  id: string;
  name: string;
}

export function resolvePlaceUnit(place: string, resolver: PlaceResolver, clock: Clock): PlaceUnit | undefined {
  const answer = resolver.resolvePlace(place, { asOf: vietnamDateOf(clock.now()) });
  if (answer.kind === 'current' || answer.kind === 'former') return { id: answer.unit.id, name: answer.unit.name };
  const today = answer.kind === 'ambiguous' && hasTierWord(place) ? absorbedSameName(answer.candidates) : undefined;
  return today ? { id: today.id, name: today.name } : undefined;
}

/** "phường Cửa Nam", "P. Hoàn Kiếm": the user typed the tier, not just the name. */
function hasTierWord(place: string): boolean {
  const hint = splitPlaceSegments(place)[0]?.hint;
  return hint !== undefined && hint !== null && hint !== 'street';
}

/**
 * "phường Cửa Nam" names today's ward and the old ward of the same tier and name that it took in whole: the tier
 * word leaves no real choice, so today's unit is meant (the resident flows answer for it with a note about the
 * old one). An old unit that only partly went into it, or another tier, is still a choice.
 */
function absorbedSameName(candidates: Extract<PlaceResolution, { kind: 'ambiguous' }>['candidates']): UnitNode | undefined {
  const current = candidates.filter((c) => c.current);
  if (current.length !== 1) return undefined;
  const today = current[0]!.unit;
  const absorbed = candidates
    .filter((c) => !c.current)
    .every((c) => c.unit.type === today.type && c.unit.successors.some((s) => s.unitId === today.id && s.share !== 'part'));
  return absorbed ? today : undefined;
}
