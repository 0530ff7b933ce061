/**
 * Folding for matching, never for display: lower-case, strip Vietnamese tone and
 * vowel marks, map đ→d, collapse runs of ≥3 identical letters ("nhaaaa" → "nha")
 * and whitespace. Punctuation becomes a space so "p.Hàng Bồ" and "p hang bo" meet.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Folded text split into tokens (empty input gives no tokens). */
export function foldedTokens(text: string): string[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ');
}

/** NFC, trimmed, inner whitespace collapsed: how every stored Vietnamese string looks. */
export function normalizeStoredText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}
