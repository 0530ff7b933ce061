/**
 * The folded form of a chat message (domain.md §3.0): NFC, lower case, no marks, đ→d, repeated letters
 * collapsed, Telex/VNI leakage converted, teencode expanded, dates and times in one spelling.
 * Every output word remembers the span of the original text it came from, so slots can quote the user.
 */
import { fold, hasVietnameseMarks } from './fold.js';
import { isFoldedSyllable } from './syllables.js';
import { fromTelex, fromVni } from './telex.js';
import { TEENCODE, resolveInContext } from './teencode.js';
import { isEnglishWord, looksEnglish } from './english.js';
import { tokenize, type RawToken } from './tokenize.js';

export interface NormWord {
  w: string;
  start: number;
  end: number;
}

export interface Normalized {
  /** The original text, NFC. */
  raw: string;
  words: NormWord[];
  /** words joined by single spaces: what the classifier reads and what `normalized` shows. */
  text: string;
}

const CONTEXT_WORDS = new Set(['dk', 'cn', 'v', 'e', 'p', 'hong', 'hum']);
/** Marked spellings that are still teencode ("hông", "rùi", "bít", "wá", "đc"…). */
const MARKED_TEENCODE: Readonly<Record<string, string>> = {
  hông: 'hong', rùi: 'rui', bít: 'bit', wá: 'wa', qá: 'qa', đc: 'dc', đk: 'dk', đky: 'dky', khum: 'khum',
  hum: 'hum', sđt: 'sdt', đt: 'dt', ơi: 'oi',
};
const HAS_DIGIT = /\d/;
const DATE = /^(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2,4}))?$/;
const TIME = /^(\d{1,2})[:h](\d{2})$/;
const HOUR = /^(\d{1,2})(?:h|g|gio)$/;
const UNIT_NUMBER = /^(p|q)(\d{1,2})$/;

/** "nhaaaa" → "nha": three or more of the same letter are decoration, two may be Telex ("aa" = â). */
function collapseRepeats(s: string): string {
  for (let i = 2; i < s.length; i++) {
    if (s[i] === s[i - 1] && s[i] === s[i - 2]) return s.replace(/(\p{L})\1{2,}/gu, '$1');
  }
  return s;
}

/** First pass: one raw token → folded pieces (before context-dependent teencode). */
function foldToken(token: string): string[] {
  if (hasVietnameseMarks(token)) {
    const mapped = MARKED_TEENCODE[token];
    return [collapseRepeats(mapped ?? fold(token))];
  }
  if (token in TEENCODE) return [token];
  const t = collapseRepeats(token);
  if (HAS_DIGIT.test(t)) return foldNumeric(t);
  if (t in TEENCODE || CONTEXT_WORDS.has(t)) return [t];
  // "oo" is rare in real words (boong, xoong) but is how Telex types ô ("thoong" = thông): try Telex first.
  if (isFoldedSyllable(t) && !t.includes('oo')) return [t];
  const converted = fromTelex(t);
  return [converted ? fold(converted) : t];
}

/** Tokens with digits: dates, times, "p25", or VNI leakage ("d9a8ng"). */
function foldNumeric(t: string): string[] {
  const date = DATE.exec(t);
  if (date) return [[date[1], date[2], date[3]].filter((x) => x !== undefined).join('/')];
  const time = TIME.exec(t);
  if (time) return [`${time[1]}h${time[2]}`];
  const hour = HOUR.exec(t);
  if (hour) return [`${hour[1]}h`];
  const unit = UNIT_NUMBER.exec(t);
  if (unit && unit[1] && unit[2]) return [unit[1] === 'p' ? 'phuong' : 'quan', unit[2]];
  if (t in TEENCODE || CONTEXT_WORDS.has(t) || isFoldedSyllable(t) || /^\d+$/.test(t)) return [t];
  const converted = fromTelex(t) ?? fromVni(t);
  return [converted ? fold(converted) : fold(t)];
}

/**
 * Folding a token is a pure function of its text and chat vocabulary is heavily repetitive, so results are
 * memoised (bounded: the cache is simply dropped when full).
 */
const TOKEN_CACHE = new Map<string, string[]>();
const TOKEN_CACHE_MAX = 50_000;
function foldTokenCached(token: string): string[] {
  let hit = TOKEN_CACHE.get(token);
  if (hit === undefined) {
    if (TOKEN_CACHE.size >= TOKEN_CACHE_MAX) TOKEN_CACHE.clear();
    hit = foldToken(token);
    TOKEN_CACHE.set(token, hit);
  }
  return hit;
}

/** For benchmarks and tests that need the uncached cost. */
export function clearTokenCache(): void {
  TOKEN_CACHE.clear();
}

/** Teencode expansions pre-split into words (done once instead of per message). */
const EXPANSIONS = new Map<string, string[]>(Object.entries(TEENCODE).map(([k, v]) => [k, v.split(' ')]));

export function normalizeDetailed(input: string): Normalized {
  const raw = input.normalize('NFC');
  const first: NormWord[] = [];
  const tokens = mergeSplitTelex(tokenize(raw));
  const english = looksEnglish(tokens.map((t) => t.text));
  for (const tok of tokens) {
    if (english && isEnglishWord(tok.text)) {
      first.push({ w: tok.text, start: tok.start, end: tok.end });
      continue;
    }
    for (const piece of foldTokenCached(tok.text)) {
      if (piece.length > 0) first.push({ w: piece, start: tok.start, end: tok.end });
    }
  }
  const words: NormWord[] = [];
  for (let i = 0; i < first.length; i++) {
    const cur = first[i];
    if (!cur) continue;
    const prev = words[words.length - 1]?.w;
    const nextRaw = first[i + 1]?.w;
    if (CONTEXT_WORDS.has(cur.w)) {
      const next = nextRaw === undefined ? undefined : (EXPANSIONS.get(nextRaw)?.[0] ?? nextRaw);
      const resolved = resolveInContext(cur.w, prev, next) ?? cur.w;
      for (const w of resolved.split(' ')) words.push({ w: canonicalVowel(w), start: cur.start, end: cur.end });
      continue;
    }
    const expanded = EXPANSIONS.get(cur.w);
    if (expanded) {
      for (const w of expanded) words.push({ w: canonicalVowel(w), start: cur.start, end: cur.end });
    } else {
      words.push({ w: canonicalVowel(cur.w), start: cur.start, end: cur.end });
    }
  }
  return { raw, words, text: words.map((x) => x.w).join(' ') };
}

/** A Telex word with a stray space ("ddaw ng" = đăng): its tail would otherwise expand as teencode ("ng" = người). */
const TELEX_TAIL = /^(ng|nh|ch|c|t|p|m|n)$/;
const TELEX_HEAD = /^[a-z]*(dd|aw|aa|ee|oo|ow|uw)[a-z]*$/;

function mergeSplitTelex(tokens: RawToken[]): RawToken[] {
  let out: RawToken[] | undefined;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (!TELEX_TAIL.test(b.text) || !TELEX_HEAD.test(a.text) || isFoldedSyllable(a.text)) continue;
    const merged = fromTelex(a.text + b.text);
    if (merged === null) continue;
    out ??= [...tokens];
    const at = out.indexOf(a);
    out.splice(at, 2, { text: a.text + b.text, start: a.start, end: b.end });
  }
  return out ?? tokens;
}

/** kí = ký, lí = lý: after k and l the i/y spelling is free, so pick one. */
function canonicalVowel(w: string): string {
  if (w === 'ki') return 'ky';
  if (w === 'li') return 'ly';
  return w;
}

/** The folded form shown in `normalized`. */
export function normalizeText(text: string): string {
  return normalizeDetailed(text).text;
}
