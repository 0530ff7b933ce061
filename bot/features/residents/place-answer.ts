import type { ReplyKit } from '../../conversation/reply-kit.js';
import type { OutboundButton, OutboundMessage } from '../../core/outbound-message.js';
import type { IsoDate } from '../../domain/iso-date.js';
import { takeoverDate, type PlaceResolution, type PlaceSuccessor } from '../../domain/place-resolver.js';
import type { UnitNode } from '../../domain/unit-tree.js';
import { formatIsoDate, unitName } from './event-format.js';
import { CHOICE, capitalize } from './resident-turn.js';

/** The units an answer is about, with the merger notes to say first. */
export interface PlaceTarget {
  units: UnitNode[];
  notes: string[];
}

export type PlaceDecision = { kind: 'target'; target: PlaceTarget } | { kind: 'ask'; message: OutboundMessage };

export interface PlaceAnswerOptions {
  /** History questions (recognitions) are about the old unit itself; event questions about its successors. */
  formerMeans: 'successors' | 'itself';
}

function pickButton(kit: ReplyKit, unit: UnitNode, current: boolean): OutboundButton {
  const label = current
    ? kit.t('res-place-option-current', { unit: capitalize(unitName(kit, unit)) })
    : kit.t('res-place-option-former', { unit: capitalize(unitName(kit, unit)), until: unit.validTo ? formatIsoDate(unit.validTo) : '', hasUntil: unit.validTo ? 'yes' : 'no' });
  return { label, value: `${CHOICE.pick}${unit.id}` };
}

function successorList(kit: ReplyKit, successors: readonly PlaceSuccessor[]): string {
  return successors.map((s) => kit.t('res-share', { share: s.share, unit: unitName(kit, s.unit) })).join(', ');
}

/** "Phường Hàng Bồ (cũ) nay thuộc phường Hoàn Kiếm (từ 01/07/2025)." — from the lineage rows, never from code. */
export function mergerNote(kit: ReplyKit, former: UnitNode, successors: readonly PlaceSuccessor[], approximate: boolean): string {
  const date = takeoverDate(former);
  return kit.t('res-merger-note', {
    unit: capitalize(unitName(kit, former)),
    successors: successorList(kit, successors),
    first: successors[0] ? unitName(kit, successors[0].unit) : '',
    since: date ? formatIsoDate(date) : '',
    hasSince: date ? 'yes' : 'no',
    split: successors.length > 1 ? 'yes' : 'no',
    approximate: approximate ? 'yes' : 'no',
  });
}

/**
 * An old ward of the same name as today's ward it mostly became ("Cửa Nam") is not worth a
 * question: answer for today's ward and say so. An old district vs a new ward is (domain §3.3).
 */
function sameNameSuccessor(candidates: { unit: UnitNode; current: boolean }[]): { current: UnitNode; former: UnitNode[] } | null {
  const current = candidates.filter((c) => c.current);
  if (current.length !== 1) return null;
  const only = current[0]!.unit;
  const former = candidates.filter((c) => !c.current).map((c) => c.unit);
  const absorbed = former.every((f) => f.type === only.type && f.successors.some((s) => s.unitId === only.id && s.share !== 'part'));
  return absorbed ? { current: only, former } : null;
}

export function decidePlace(kit: ReplyKit, resolution: PlaceResolution, asOf: IsoDate, options: PlaceAnswerOptions): PlaceDecision {
  switch (resolution.kind) {
    case 'current':
      return { kind: 'target', target: { units: [resolution.unit], notes: [] } };
    case 'ambiguous': {
      const absorbed = sameNameSuccessor(resolution.candidates);
      if (absorbed && options.formerMeans === 'successors') {
        const notes = absorbed.former.map((f) => kit.t('res-same-name-note', { former: unitName(kit, f), current: unitName(kit, absorbed.current), since: formatIsoDate(takeoverDate(f) ?? asOf) }));
        return { kind: 'target', target: { units: [absorbed.current], notes } };
      }
      const buttons = resolution.candidates.map((c) => pickButton(kit, c.unit, c.current));
      return { kind: 'ask', message: kit.message('res-place-ambiguous', { name: resolution.candidates[0]!.unit.name }, buttons) };
    }
    case 'former': {
      const note = mergerNote(kit, resolution.unit, resolution.successors, resolution.approximate);
      if (options.formerMeans === 'itself') return { kind: 'target', target: { units: [resolution.unit], notes: [note] } };
      if (resolution.successors.length === 0) {
        return { kind: 'ask', message: kit.message('res-place-no-successor', { unit: capitalize(unitName(kit, resolution.unit)) }) };
      }
      // A split ward is answered for each part; a whole old district is too wide: ask which ward.
      const wider = resolution.successors.length > 1 && resolution.successors.every((s) => s.unit.type !== resolution.unit.type);
      if (wider) {
        const buttons = resolution.successors.map((s) => pickButton(kit, s.unit, true));
        return { kind: 'ask', message: kit.message('res-place-choose-successor', { note }, buttons) };
      }
      return { kind: 'target', target: { units: resolution.successors.map((s) => s.unit), notes: [note] } };
    }
    case 'unverified': {
      const former = resolution.formerUnit ? capitalize(unitName(kit, resolution.formerUnit)) : resolution.query;
      const buttons = resolution.candidates.map((u) => pickButton(kit, u, true));
      return { kind: 'ask', message: kit.message('res-place-unverified', { place: former, hasCandidates: buttons.length > 0 ? 'yes' : 'no' }, buttons) };
    }
    case 'not_found': {
      if (resolution.reason === 'numbered_ward_needs_district') return { kind: 'ask', message: kit.message('res-place-needs-district', { query: resolution.query }) };
      const buttons = resolution.suggestions.slice(0, 4).map((u) => pickButton(kit, u, u.validTo === null || u.validTo >= asOf));
      return { kind: 'ask', message: kit.message('res-place-not-found', { query: resolution.query, hasSuggestions: buttons.length > 0 ? 'yes' : 'no' }, buttons) };
    }
  }
}
