/**
 * Splits raw chat text into word-like pieces with their offsets in the original string, so that slots
 * (place, title) can be returned in the user's own spelling. Emoji, punctuation and decoration fall between tokens.
 */

export interface RawToken {
  /** Lower-cased NFC text of the piece. */
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:[./:\-][\p{L}\p{M}\p{N}]+)*/gu;
/** Same pattern for plain-ASCII messages (most unmarked chat): the Unicode property classes are slower. */
const ASCII_WORD = /[A-Za-z0-9]+(?:[./:\-][A-Za-z0-9]+)*/g;
const IS_ASCII = /^[\x00-\x7f]*$/;
const DATE_LIKE = /^\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?$/;
const TIME_LIKE = /^\d{1,2}[:h]\d{2}$/;
const CODE_LIKE = /^dvk-\d{4}-[\p{L}]{1,4}-\d{1,4}$/u;
/** Registration codes typed with spaces or in lower case: "dvk 2026 cn 17", "DVK-2026-CN-017". */
const SPACED_CODE = /\bdvk[\s._-]*(\d{4})[\s._-]*(\p{L}{1,4})[\s._-]*(\d{1,4})(?![\p{L}\p{N}])/giu;
const MAY_HAVE_CODE = /dvk/i;
const UNIT_PREFIX = /^(p|q|tp|tx)\.(.+)$/u;

export function tokenize(input: string): RawToken[] {
  const text = input.normalize('NFC');
  const out: RawToken[] = [];
  const codes: RawToken[] = [];
  for (const m of MAY_HAVE_CODE.test(text) ? text.matchAll(SPACED_CODE) : []) {
    const start = m.index ?? 0;
    const [, year = '', unit = '', seq = ''] = m;
    codes.push({ text: `dvk-${year}-${unit.toLowerCase()}-${seq.padStart(3, '0')}`, start, end: start + m[0].length });
  }
  let nextCode = 0;
  for (const m of text.matchAll(IS_ASCII.test(text) ? ASCII_WORD : WORD)) {
    const raw = m[0];
    const start = m.index ?? 0;
    const code = codes[nextCode];
    if (code && start >= code.start) {
      if (start < code.end) {
        if (out[out.length - 1] !== code) out.push(code);
        continue;
      }
      nextCode++;
      const following = codes[nextCode];
      if (following && start >= following.start && start < following.end) {
        out.push(following);
        continue;
      }
    }
    const lower = raw.toLowerCase();
    if (!/[./:\-]/.test(lower) || DATE_LIKE.test(lower) || TIME_LIKE.test(lower) || CODE_LIKE.test(lower)) {
      out.push({ text: lower, start, end: start + raw.length });
      continue;
    }
    const unit = UNIT_PREFIX.exec(lower);
    if (unit && unit[1] && unit[2] && !/[./:\-]/.test(unit[2])) {
      // "p.12", "tp.hcm": keep the abbreviation as its own token so it expands to phường / thành phố.
      out.push({ text: unit[1], start, end: start + unit[1].length + 1 });
      out.push({ text: unit[2], start: start + unit[1].length + 1, end: start + raw.length });
      continue;
    }
    let offset = 0;
    for (const part of lower.split(/[./:\-]/)) {
      if (part.length > 0) out.push({ text: part, start: start + offset, end: start + offset + part.length });
      offset += part.length + 1;
    }
  }
  return out;
}
