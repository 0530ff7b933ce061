/**
 * Folds Vietnamese text for matching: NFC first (phones send NFD), lowercase,
 * strip tone and vowel marks, đ→d, collapse white space. "Phường Cửa Nam" →
 * "phuong cua nam". Never show folded text to users; it is a key for comparison.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
