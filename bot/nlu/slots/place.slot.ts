/**
 * Finds the place span in a message and returns it in the user's own spelling ("hang bo", "phường Cửa Nam",
 * "p25 binh thanh"). Resolution to a unit (mergers, numbered wards) belongs to the domain layer.
 */
import type { NormWord } from '../normalize.js';
import { spanText } from './span-text.js';

/** Folded word sequences of known place names, longest first. */
export interface Gazetteer {
  names: readonly string[][];
  /** names indexed by their first word (the scan runs per word, so this keeps it cheap). */
  byFirst: ReadonlyMap<string, readonly string[][]>;
  /** Names that are also ordinary words ("gia dinh" = family, "buoi" = session): only after a marker. */
  markerOnly: ReadonlySet<string>;
}

const MARKERS: readonly string[][] = [
  ['to', 'dan', 'pho'], ['khu', 'pho'], ['thanh', 'pho'], ['thi', 'tran'], ['phuong'], ['quan'], ['huyen'],
  ['xa'], ['pho'], ['duong'], ['thon'], ['ap'], ['to'],
];
/** Words that end a place name typed after a marker. */
const STOP = new Set(
  ('co khong nam nay thi la gio bay moi nao gi cu o tai cua ve da duoc de va hay thuoc to chuc minh toi em dang ky ' +
    'nhan tin su kien ngay hoi thang tuan khi bao sau truoc con doi ten sap nhap nhe nha a oi vay the voi cho den tu ' +
    'dan van kheo mo hinh giu lich hom chung ta ho so nguoi ban dau roi ma thu le mai lam sao xem gui dang nhu ' +
    'chua tra cuu hang nam do kia nua cac nhung mot hai ba co the muon can phai xin giup luc h xong moi cu nay sang').split(' '),
);
const NOT_AFTER = new Set(['xa', 'to']); // "xa hoi", "to chuc": not place markers in these readings.
/** "tự quản", "ban quản lý", "chủ quản": "quản" there is a verb, not the district marker (issue 16). */
export const NOT_BEFORE_QUAN: ReadonlySet<string> = new Set(['tu', 'ban', 'chu', 'giam', 'quy', 'co', 'dai', 'bao', 'luu', 'tiep', 'kho']);
/** English tier words typed after the name ("Hong Ha ward"). */
const TRAILING_TIER = new Set(['ward', 'district', 'commune']);

export function buildGazetteer(names: readonly string[], normalize: (s: string) => string): Gazetteer {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const name of names) {
    let words = normalize(name).split(' ').filter(Boolean);
    const marker = MARKERS.find((m) => m.every((w, i) => words[i] === w));
    if (marker) words = words.slice(marker.length);
    const key = words.join(' ');
    if (words.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(words);
  }
  out.sort((a, b) => b.length - a.length);
  const byFirst = new Map<string, string[][]>();
  for (const n of out) {
    const list = byFirst.get(n[0] ?? '') ?? [];
    list.push(n);
    byFirst.set(n[0] ?? '', list);
  }
  return { names: out, byFirst, markerOnly: new Set(['buoi', 'gia dinh', 'dien bien', 'nguyen du', 'thu do']) };
}

function matchName(words: readonly NormWord[], i: number, gaz: Gazetteer, afterMarker: boolean): number {
  for (const name of gaz.byFirst.get(words[i]?.w ?? '') ?? []) {
    if (!afterMarker && gaz.markerOnly.has(name.join(' '))) continue;
    if (name.every((w, k) => words[i + k]?.w === w)) return name.length;
  }
  return 0;
}

function matchMarker(words: readonly NormWord[], i: number, gaz: Gazetteer): number {
  for (const m of MARKERS) {
    if (!m.every((w, k) => words[i + k]?.w === w)) continue;
    const next = words[i + m.length]?.w;
    if (m.length === 1 && NOT_AFTER.has(m[0] ?? '') && (next === 'hoi' || next === 'chuc' || next === 'dan' || next === 'tu')) return 0;
    if (m[0] === 'quan' && NOT_BEFORE_QUAN.has(words[i - 1]?.w ?? '')) return 0;
    if (m[0] === 'pho' && words[i - 1]?.w === 'thanh') return 0;
    // English "to": "subscribe me to Binh Thanh ward" — a known name with an English tier word after it is not "tổ X".
    if (m.length === 1 && m[0] === 'to' && englishTierAfterName(words, i + 1, gaz)) return 0;
    return m.length;
  }
  return 0;
}

function englishTierAfterName(words: readonly NormWord[], j: number, gaz: Gazetteer): boolean {
  const n = matchName(words, j, gaz, true);
  return n > 0 && TRAILING_TIER.has(words[j + n]?.w ?? '');
}

/** Length of the name after a marker at `j` (numbers, "so 3", a known name, or up to three plain words). */
function nameAfterMarker(words: readonly NormWord[], j: number, gaz: Gazetteer): number {
  const w = words[j]?.w;
  if (w === undefined) return 0;
  if (/^\d{1,3}$/.test(w)) {
    // Numbered wards need their old district: "p25 binh thanh", "phuong 25 quan binh thanh".
    let n = 1;
    const q = words[j + 1]?.w === 'quan' ? 1 : 0;
    const district = matchName(words, j + 1 + q, gaz, true);
    if (district > 0) n += q + district;
    return n;
  }
  if (w === 'so' && /^\d{1,3}$/.test(words[j + 1]?.w ?? '')) return 2;
  const known = matchName(words, j, gaz, true);
  if (known > 0) return known;
  let n = 0;
  while (n < 3 && j + n < words.length && !STOP.has(words[j + n]?.w ?? '') && /^[a-z]+$/.test(words[j + n]?.w ?? '')) n++;
  return n;
}

export function extractPlace(raw: string, words: readonly NormWord[], gaz: Gazetteer, skip?: (i: number) => boolean): string | undefined {
  for (let i = 0; i < words.length; i++) {
    if (skip?.(i)) continue;
    const marker = matchMarker(words, i, gaz);
    if (marker > 0) {
      const n = nameAfterMarker(words, i + marker, gaz);
      if (n > 0) return spanText(raw, words, i, withQualifiers(words, i + marker + n - 1, gaz));
      i += marker - 1;
      continue;
    }
    const known = matchName(words, i, gaz, false);
    if (known > 0) {
      const last = i + known - 1;
      const tier = TRAILING_TIER.has(words[last + 1]?.w ?? '') ? 1 : 0;
      return spanText(raw, words, i, withQualifiers(words, last + tier, gaz));
    }
  }
  return undefined;
}

/**
 * "khu phố 3 phường Bình Thạnh", "tổ 5, p. Hồng Hà": a unit named with the unit it lies in. The span keeps the
 * qualifier so resolution can fall back to the ward (issue 16: the ward was dropped).
 */
function withQualifiers(words: readonly NormWord[], last: number, gaz: Gazetteer): number {
  let end = last;
  for (let hops = 0; hops < 2; hops++) {
    const marker = matchMarker(words, end + 1, gaz);
    if (marker === 0) break;
    const n = nameAfterMarker(words, end + 1 + marker, gaz);
    if (n === 0) break;
    end += marker + n;
  }
  return end;
}
