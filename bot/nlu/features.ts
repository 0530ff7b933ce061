/**
 * Sparse binary features of a folded message for the statistical model: words, word pairs, role crosses (the
 * same words mean different things for residents and staff) and character trigrams (robust to typos and
 * half-converted Telex). Features are hashed to small integers instead of built as strings: this runs on every
 * message and string building plus string hashing dominated the cost. With ~20k distinct features, 30-bit
 * hashes make collisions negligible.
 */
import type { NluRole } from './labels.js';

const ROLE_CODE: Record<NluRole, number> = { resident: 1, cadre: 2, staff: 3 };
const KIND = { role: 11, word: 12, bigram: 13, roleWord: 14, length: 15, gram: 16, end: 17 } as const;

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combines a feature kind and up to two values into a non-negative small integer (V8 keeps these unboxed). */
function mix(kind: number, a: number, b = 0): number {
  let h = Math.imul(kind ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ a, 0xc2b2ae35);
  h ^= h >>> 13;
  h = Math.imul(h ^ b, 0x27d4eb2f);
  h ^= h >>> 15;
  return h & 0x3fffffff;
}

/** Numbers matter by shape ("15/10", "9h"), not by value. */
function wordKey(w: string): number {
  if (!/^\d/.test(w)) return hashString(w);
  if (/^\d{1,2}\/\d{1,2}/.test(w)) return 1;
  if (/^\d{1,2}h/.test(w)) return 2;
  if (/^\d{4}$/.test(w)) return 3;
  return 4;
}

export function extractFeatures(text: string, role: NluRole): number[] {
  const r = ROLE_CODE[role];
  const out: number[] = [mix(KIND.role, r)];
  const words = text.length > 0 ? text.split(' ') : [];
  let prev = 0;
  for (const w of words) {
    const key = wordKey(w);
    out.push(mix(KIND.word, key), mix(KIND.bigram, prev, key), mix(KIND.roleWord, key, r));
    prev = key;
  }
  out.push(mix(KIND.end, prev));
  if (words.length <= 2) out.push(mix(KIND.length, words.length));
  const padded = ` ${text} `;
  for (let i = 0; i + 3 <= padded.length; i++) {
    const gram = ((padded.charCodeAt(i) & 0x3ff) << 20) | ((padded.charCodeAt(i + 1) & 0x3ff) << 10) | (padded.charCodeAt(i + 2) & 0x3ff);
    out.push(mix(KIND.gram, gram));
  }
  return out;
}
