import { addDays, isWithin, type IsoDate } from './iso-date.js';
import { placeTokens, splitPlaceSegments, stripLeadingTypeWord, type PlaceSegment, type PlaceTypeHint } from './place-query.js';
import { trigrams } from './title-similarity.js';
import { isUnitValidOn, lastValidDay, type LineageShare, type UnitNode, type UnitTree } from './unit-tree.js';

export interface PlaceSuccessor {
  unit: UnitNode;
  share: LineageShare;
  verified: boolean;
}

/** Exactly one of these answers (issue 4 §4). Callers turn them into a reply or a choice. */
export type PlaceResolution =
  | { kind: 'current'; unit: UnitNode }
  /** Same name, different units: old district vs new ward, old ward vs new ward. Current ones first. */
  | { kind: 'ambiguous'; candidates: { unit: UnitNode; current: boolean }[] }
  /** A unit that no longer exists; split wards list every successor. */
  | { kind: 'former'; unit: UnitNode; successors: PlaceSuccessor[]; approximate: boolean }
  /** The old→new mapping is not known (HCMC numbered wards): offer the candidates, never guess. */
  | { kind: 'unverified'; query: string; formerUnit: UnitNode | null; candidates: UnitNode[] }
  | { kind: 'not_found'; query: string; suggestions: UnitNode[]; reason: 'no_match' | 'numbered_ward_needs_district' | 'qualifier_mismatch' };

/** Optional street→ward data (domain §6 gap 6): rows, not code. */
export interface StreetEntry {
  name: string;
  unitId: string;
  validFrom?: IsoDate | null;
  validTo?: IsoDate | null;
}

export interface ResolvePlaceOptions {
  asOf: IsoDate;
  /** A unit id the place should lie under (the city the user is in, the cadre's unit). */
  parentHint?: string;
}

const HINT_TYPES: Record<Exclude<PlaceTypeHint, 'street'>, readonly string[]> = {
  ward: ['ward'],
  commune: ['commune', 'special_zone', 'ward'],
  district: ['district'],
  city: ['city', 'province'],
  residential_group: ['residential_group'],
};

/**
 * Name → unit, by aliases plus validity date plus parent qualifier (domain §4.2 point 4).
 * Names are never keys: the answer says when a name is ambiguous or a unit is gone.
 */
export function createPlaceResolver(deps: { units: UnitTree; streets?: readonly StreetEntry[] }) {
  const index = new Map<string, Set<string>>();
  const add = (key: string, id: string) => {
    if (key === '') return;
    let ids = index.get(key);
    if (!ids) index.set(key, (ids = new Set()));
    ids.add(id);
  };
  for (const unit of deps.units.all()) {
    for (const label of [unit.name, ...unit.aliases]) {
      const tokens = placeTokens(label);
      add(tokens.join(' '), unit.id);
      add(stripLeadingTypeWord(tokens).join(' '), unit.id);
    }
  }
  const streetIndex = new Map<string, StreetEntry[]>();
  for (const s of deps.streets ?? []) {
    const key = stripLeadingTypeWord(placeTokens(s.name)).join(' ');
    streetIndex.set(key, [...(streetIndex.get(key) ?? []), s]);
  }

  const node = (id: string) => deps.units.get(id)!;

  function lookup(seg: PlaceSegment, asOf: IsoDate): UnitNode[] {
    const key = seg.tokens.join(' ');
    const found = [...(index.get(key) ?? [])].map(node);
    if (seg.hint === null || seg.hint === 'street') {
      // A bare number names nothing without its type ("25" alone is not "phường 25").
      return /^\d+$/.test(key) ? [] : found;
    }
    const types = HINT_TYPES[seg.hint];
    const typed = found.filter((u) => types.includes(u.type));
    // The tier word was typed: "phường Bình Thạnh" is the ward, never the abolished district of the same name
    // (issue 16). Only when no unit of that tier bears the name is "phường X" read loosely as the old district X.
    if (typed.length > 0 || seg.hint !== 'ward') return typed;
    return found.filter((u) => u.type === 'district' && !isUnitValidOn(u, asOf));
  }

  /** Every ancestor the unit had while it existed, plus today's. */
  function ancestorIds(unit: UnitNode, asOf: IsoDate): Set<string> {
    const ids = new Set(deps.units.ancestorsAsOf(unit.id, lastValidDay(unit, asOf)).map((a) => a.id));
    for (const a of deps.units.ancestorsAsOf(unit.id, asOf)) ids.add(a.id);
    for (const s of unit.successors) for (const a of deps.units.ancestorsAsOf(s.unitId, asOf)) ids.add(a.id);
    return ids;
  }

  function underAny(unit: UnitNode, parents: readonly UnitNode[], asOf: IsoDate): boolean {
    const ids = ancestorIds(unit, asOf);
    return parents.some((p) => ids.has(p.id));
  }

  function successorsOf(unit: UnitNode, asOf: IsoDate): PlaceSuccessor[] {
    const direct = unit.successors.map((s) => ({ unit: node(s.unitId), share: s.share, verified: s.verified }));
    if (direct.length > 0) return direct;
    // A district without its own lineage rows: its wards' successors, each only a part.
    const day = lastValidDay(unit, asOf);
    const children = deps.units.all().filter((u) => deps.units.ancestorsAsOf(u.id, day)[0]?.id === unit.id);
    const seen = new Map<string, PlaceSuccessor>();
    for (const child of children) {
      for (const s of child.successors) {
        const prev = seen.get(s.unitId);
        seen.set(s.unitId, { unit: node(s.unitId), share: 'part', verified: (prev?.verified ?? true) && s.verified });
      }
    }
    return [...seen.values()];
  }

  function former(unit: UnitNode, asOf: IsoDate, query: string): PlaceResolution {
    const successors = successorsOf(unit, asOf).filter((s) => isUnitValidOn(s.unit, asOf));
    if (successors.length === 0 && unit.successorsUnverified) return { kind: 'unverified', query, formerUnit: unit, candidates: [] };
    return { kind: 'former', unit, successors, approximate: successors.some((s) => s.share !== 'whole' || !s.verified) };
  }

  function suggestions(key: string, asOf: IsoDate): UnitNode[] {
    const grams = trigrams(key);
    const scored = new Map<string, number>();
    for (const [k, ids] of index) {
      const other = trigrams(k);
      let shared = 0;
      for (const g of grams) if (other.has(g)) shared += 1;
      const score = shared / (grams.size + other.size - shared);
      if (score < 0.3) continue;
      for (const id of ids) scored.set(id, Math.max(score, scored.get(id) ?? 0));
    }
    return [...scored.entries()]
      .map(([id, score]) => ({ unit: node(id), score: score + (isUnitValidOn(node(id), asOf) ? 0.05 : 0) }))
      .filter((x) => x.unit.type !== 'organization')
      .sort((a, b) => b.score - a.score)
      .slice(0, 5)
      .map((x) => x.unit);
  }

  function numberedWard(query: string, number: string, parents: UnitNode[], asOf: IsoDate): PlaceResolution {
    const districts = parents.filter((p) => p.type === 'district');
    if (districts.length === 0) return { kind: 'not_found', query, suggestions: [], reason: 'numbered_ward_needs_district' };
    const existing = lookup({ hint: 'ward', tokens: [number] }, asOf).filter((u) => underAny(u, districts, asOf));
    if (existing.length > 0) return classify(existing, asOf, query);
    const district = districts[0]!;
    const successors = successorsOf(district, asOf).filter((s) => isUnitValidOn(s.unit, asOf));
    return { kind: 'unverified', query, formerUnit: district, candidates: successors.map((s) => s.unit) };
  }

  function classify(candidates: UnitNode[], asOf: IsoDate, query: string): PlaceResolution {
    const existed = candidates.filter((u) => u.validFrom === null || u.validFrom <= asOf);
    if (existed.length === 0) return { kind: 'not_found', query, suggestions: [], reason: 'no_match' };
    if (existed.length === 1) {
      const only = existed[0]!;
      return isUnitValidOn(only, asOf) ? { kind: 'current', unit: only } : former(only, asOf, query);
    }
    const listed = existed
      .map((unit) => ({ unit, current: isUnitValidOn(unit, asOf) }))
      .sort((a, b) => Number(b.current) - Number(a.current) || a.unit.id.localeCompare(b.unit.id));
    return { kind: 'ambiguous', candidates: listed };
  }

  function resolvePlace(text: string, options: ResolvePlaceOptions): PlaceResolution {
    const query = text.normalize('NFC').trim();
    const segments = splitPlaceSegments(query);
    const first = segments[0];
    if (!first) return { kind: 'not_found', query, suggestions: [], reason: 'no_match' };

    // "khu phố 3 phường Bình Thạnh": residential groups are rarely in the unit table; when this one is not (or
    // not under the ward named after it), the answer is the ward, not nothing.
    if (first.hint === 'residential_group' && segments.length > 1) {
      const answer = resolveSegments(segments, query, options);
      if (answer.kind !== 'not_found') return answer;
      return resolvePlace(segments.slice(1).map(segmentText).join(' '), options);
    }
    return resolveSegments(segments, query, options);
  }

  function resolveSegments(segments: PlaceSegment[], query: string, options: ResolvePlaceOptions): PlaceResolution {
    const { asOf } = options;
    const first = segments[0]!;
    const hint = options.parentHint !== undefined ? deps.units.get(options.parentHint) : undefined;
    let target = first;
    let qualifiers = segments.slice(1);
    // The whole phrase may be one name ("Công an phường Hàng Bồ").
    const whole = { hint: null, tokens: placeTokens(query) };
    let candidates = lookup(whole, asOf);
    // "phường Cửa Nam" is the new ward's alias *and* the old ward's name: when the phrase
    // is a single segment, the alias match must not hide same-named units.
    if (candidates.length > 0 && segments.length === 1 && first.hint !== 'street' && !/^\d+$/.test(first.tokens[0] ?? '')) {
      candidates = [...new Set([...candidates, ...lookup(first, asOf)])];
    }
    if (candidates.length > 0) {
      target = whole;
      qualifiers = [];
    } else {
      if (target.hint === 'street') {
        const street = (streetIndex.get(target.tokens.join(' ')) ?? []).filter((s) => isWithin(asOf, s.validFrom, s.validTo));
        if (street.length > 0) return classify([...new Set(street.map((s) => s.unitId))].map(node), asOf, query);
        target = { hint: null, tokens: target.tokens };
      }
      const digits = /^\d+$/.test(target.tokens[0] ?? '') ? target.tokens[0]! : undefined;
      if (target.hint === 'ward' && digits !== undefined) {
        const rest = target.tokens.slice(1);
        const parentSegs = [...(rest.length > 0 ? [{ hint: 'district' as const, tokens: rest }] : []), ...qualifiers];
        const parents = parentSegs.flatMap((s) => lookup({ hint: 'district', tokens: s.tokens }, asOf));
        if (hint?.type === 'district') parents.push(hint);
        return numberedWard(query, digits, parents, asOf);
      }
      candidates = lookup(target, asOf);
      // No type word, no comma: "cua nam hoan kiem" — try name + trailing qualifier splits.
      for (let cut = target.tokens.length - 1; candidates.length === 0 && cut > 0; cut -= 1) {
        const name = { hint: target.hint, tokens: target.tokens.slice(0, cut) };
        const rest = { hint: null, tokens: target.tokens.slice(cut) };
        if (lookup(name, asOf).length > 0 && lookup(rest, asOf).length > 0) {
          candidates = lookup(name, asOf);
          qualifiers = [rest, ...qualifiers];
        }
      }
    }
    if (candidates.length === 0) return { kind: 'not_found', query, suggestions: suggestions(target.tokens.join(' '), asOf), reason: 'no_match' };

    let kept = candidates;
    for (const q of qualifiers) {
      const parents = lookup(q, asOf);
      if (parents.length > 0) kept = kept.filter((c) => underAny(c, parents, asOf));
    }
    if (hint) kept = kept.filter((c) => c.id === hint.id || underAny(c, [hint], asOf));
    if (kept.length === 0) return { kind: 'not_found', query, suggestions: candidates, reason: 'qualifier_mismatch' };
    return classify(kept, asOf, query);
  }

  return { resolvePlace };
}

export type PlaceResolver = ReturnType<typeof createPlaceResolver>;

/** A segment back as text the splitter reads the same way ("phuong binh thanh"). */
const HINT_WORD: Record<PlaceTypeHint, string> = {
  ward: 'phuong', district: 'quan', commune: 'xa', city: 'thanh pho', residential_group: 'to dan pho', street: 'pho',
};
function segmentText(seg: PlaceSegment): string {
  return [...(seg.hint ? [HINT_WORD[seg.hint]] : []), ...seg.tokens].join(' ');
}

/** The first day a successor took over, for "từ 01/7/2025" wording. */
export function takeoverDate(unit: UnitNode): IsoDate | null {
  return unit.validTo === null ? null : addDays(unit.validTo, 1);
}
