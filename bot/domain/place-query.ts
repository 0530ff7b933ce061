import { foldText } from '../core/fold.js';

/** What a type word in a place phrase asks for. `street` goes to the optional street table. */
export type PlaceTypeHint = 'ward' | 'district' | 'commune' | 'city' | 'residential_group' | 'street';

/** Folded type words and abbreviations (domain §3.0), longest first so "to dan pho" beats "pho". */
const TYPE_WORDS: readonly [string[], PlaceTypeHint][] = [
  [['to', 'dan', 'pho'], 'residential_group'],
  [['khu', 'dan', 'cu'], 'residential_group'],
  [['khu', 'pho'], 'residential_group'],
  [['thanh', 'pho'], 'city'],
  [['thi', 'tran'], 'commune'],
  [['dac', 'khu'], 'commune'],
  [['thi', 'xa'], 'district'],
  [['tdp'], 'residential_group'],
  [['kp'], 'residential_group'],
  [['kdc'], 'residential_group'],
  [['to'], 'residential_group'],
  [['phuong'], 'ward'],
  [['p'], 'ward'],
  [['xa'], 'commune'],
  [['quan'], 'district'],
  [['q'], 'district'],
  [['huyen'], 'district'],
  [['tp'], 'city'],
  [['tinh'], 'city'],
  [['pho'], 'street'],
  [['duong'], 'street'],
];

/** One piece of a place phrase: "phường 25" or "quận Bình Thạnh". */
export interface PlaceSegment {
  hint: PlaceTypeHint | null;
  tokens: string[];
}

/** Folds and splits "p25", "q.bt", "P.25" into tokens: ["p","25"], ["q","bt"]. */
export function placeTokens(text: string): string[] {
  return foldText(text)
    .split(' ')
    .filter((t) => t !== '')
    .flatMap((t) => {
      const glued = /^(p|q|tdp|kp|to)(\d+)$/.exec(t);
      return glued ? [glued[1]!, glued[2]!] : [t];
    })
    // "số 3" / "so 3": the word for "number" carries nothing.
    .filter((t, i, all) => !(t === 'so' && /^\d+$/.test(all[i + 1] ?? '')));
}

function typeWordAt(tokens: readonly string[], i: number): [number, PlaceTypeHint] | undefined {
  for (const [words, hint] of TYPE_WORDS) {
    if (words.every((w, k) => tokens[i + k] === w) && i + words.length < tokens.length) return [words.length, hint];
  }
  return undefined;
}

/**
 * Splits a place phrase into segments at commas and at type words: the first segment
 * names the place, later ones qualify it ("phường Cửa Nam, quận Hoàn Kiếm").
 */
export function splitPlaceSegments(text: string): PlaceSegment[] {
  const segments: PlaceSegment[] = [];
  for (const part of text.normalize('NFC').split(/[,;]/)) {
    const tokens = placeTokens(part);
    let current: PlaceSegment | undefined;
    for (let i = 0; i < tokens.length; ) {
      const typeWord = typeWordAt(tokens, i);
      if (typeWord) {
        current = { hint: typeWord[1], tokens: [] };
        segments.push(current);
        i += typeWord[0];
        continue;
      }
      if (!current) {
        current = { hint: null, tokens: [] };
        segments.push(current);
      }
      current.tokens.push(tokens[i]!);
      i += 1;
    }
  }
  return segments.filter((s) => s.tokens.length > 0).map(englishTier);
}

/** English puts the tier word after the name: "Hong Ha ward", "Hoan Kiem district" (issue 16). */
const ENGLISH_TIERS: Readonly<Record<string, PlaceTypeHint>> = { ward: 'ward', district: 'district', commune: 'commune', city: 'city' };

function englishTier(seg: PlaceSegment): PlaceSegment {
  const last = seg.tokens[seg.tokens.length - 1] ?? '';
  const hint = ENGLISH_TIERS[last];
  if (seg.hint !== null || hint === undefined || seg.tokens.length < 2) return seg;
  return { hint, tokens: seg.tokens.slice(0, -1) };
}

/** A unit alias without its leading type word ("phường Hoàn Kiếm" → "hoan kiem"). */
export function stripLeadingTypeWord(tokens: readonly string[]): string[] {
  const typeWord = typeWordAt(tokens, 0);
  return typeWord ? tokens.slice(typeWord[0]) : [...tokens];
}
