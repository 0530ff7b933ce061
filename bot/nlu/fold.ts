/** ASCII folding of Vietnamese: the comparison form used everywhere in the NLU (domain.md §1 "Matching tip"). */

import { foldMarks } from '../core/fold.js';

const ASCII = /^[\x00-\x7f]*$/;
const MARKED_CHAR = /[\u0300-\u036fđĐ]/;

/** Lower-case, strip tone and vowel marks, đ→d. "Đăng Ký" → "dang ky" (the core's fold, ASCII fast path). */
export const fold = foldMarks;

/** True when the text carries at least one Vietnamese mark (so it was typed with an IME switched on). */
export function hasVietnameseMarks(text: string): boolean {
  if (ASCII.test(text)) return false;
  return MARKED_CHAR.test(text.normalize('NFD'));
}
