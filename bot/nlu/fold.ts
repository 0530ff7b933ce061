/** ASCII folding of Vietnamese: the comparison form used everywhere in the NLU (domain.md §1 "Matching tip"). */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Most chat tokens are plain ASCII; skipping NFD for them is the single biggest speed-up in normalisation. */
const ASCII = /^[\x00-\x7f]*$/;
const MARKED_CHAR = /[\u0300-\u036fđĐ]/;

/** Lower-case, strip tone and vowel marks, đ→d. "Đăng Ký" → "dang ky". */
export function fold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();
}

/** True when the text carries at least one Vietnamese mark (so it was typed with an IME switched on). */
export function hasVietnameseMarks(text: string): boolean {
  if (ASCII.test(text)) return false;
  return MARKED_CHAR.test(text.normalize('NFD'));
}
