/**
 * The text of a slot span as the user meant it: their own spelling, except that words typed with the keyboard in
 * the wrong mode ("phuwowngf", "d9a8ng") come back converted ("phường", "đăng") — a slot must never carry Telex.
 */
import { fold, hasVietnameseMarks } from '../fold.js';
import type { NormWord } from '../normalize.js';
import { isFoldedSyllable } from '../syllables.js';
import { fromTelex, fromVni } from '../telex.js';

function converted(token: string): string | undefined {
  const lower = token.toLowerCase();
  if (hasVietnameseMarks(lower) || !/^[a-z0-9]+$/.test(lower) || /^\d+$/.test(lower)) return undefined;
  if (isFoldedSyllable(lower) && !lower.includes('oo')) return undefined;
  return fromTelex(lower) ?? (/\d/.test(lower) ? fromVni(lower) : null) ?? undefined;
}

export function spanText(raw: string, words: readonly NormWord[], first: number, last: number): string | undefined {
  const a = words[first];
  const b = words[last];
  if (!a || !b) return undefined;
  const pieces: string[] = [];
  let telex = false;
  let prevStart = -1;
  for (let i = first; i <= last; i++) {
    const w = words[i]!;
    if (w.start === prevStart) continue; // one raw token expanded into several words ("pccc")
    prevStart = w.start;
    const token = raw.slice(w.start, w.end);
    const fixed = converted(token);
    if (fixed !== undefined && fold(fixed) !== fold(token)) telex = true;
    pieces.push(fixed ?? token);
  }
  return telex ? pieces.join(' ') : raw.slice(a.start, b.end).trim();
}
