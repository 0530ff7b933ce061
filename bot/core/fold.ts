/**
 * Folding Vietnamese for comparison, never for display (domain §1 "Matching tip").
 * Phones send NFC or NFD; people type with or without marks; both must meet.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Most chat tokens are plain ASCII: skipping NFD for them is the biggest speed-up in the NLU's hot path. */
const ASCII = /^[\x00-\x7f]*$/;

/** Lower-case, strip tone and vowel marks, đ→d: "Đăng Ký" → "dang ky". Keeps punctuation and spacing. */
export function foldMarks(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/**
 * The matching key: {@link foldMarks}, runs of ≥ 3 identical letters collapsed
 * ("nhaaaa" → "nha"), punctuation turned into spaces so "p.Hàng Bồ" and "p hang bo"
 * meet, white space collapsed.
 */
export function foldText(text: string): string {
  return foldMarks(text)
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Folded text split into tokens (empty input gives no tokens). */
export function foldedTokens(text: string): string[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ');
}

/** NFC, trimmed, inner white space collapsed: how every stored Vietnamese string looks. */
export function normalizeStoredText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** {@link foldMarks} with white space collapsed, punctuation kept: for patterns such as codes ("dvk-2026-cn-017") and dates ("15/10"). */
export function foldKeepingPunctuation(text: string): string {
  return foldMarks(text.normalize('NFC')).replace(/\s+/g, ' ').trim();
}
