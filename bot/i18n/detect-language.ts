import { foldedTokens } from '../core/fold.js';
import type { Locale } from './translator.js';

/** Letters only Vietnamese uses (marks on vowels, đ): one is enough to say "Vietnamese". */
const VIETNAMESE_LETTER = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/**
 * Frequent words people type without marks ("thu 7 nay p cua nam co ngay hoi ko"). Kept to
 * words that are not also common English words ("an", "me", "to" are left out).
 */
const VIETNAMESE_WORDS = new Set(
  (
    'toi minh ban anh chi em co khong ko k dc duoc la cua nay nao gi sao the thi va voi cho den o tai ' +
    'ngay hoi thi phuong xa quan huyen tinh thanh pho lich khi bao gio dau mo hinh dang ky dk nhan tin ' +
    'xin chao cam on vang da oi nhe nha a ha roi chua bi can muon biet hom nay mai tuan thang nam ' +
    'dien hinh ho so ma gui sua huy thong bao tro giup giup tieng viet noi di'
  ).split(' '),
);

const ENGLISH_WORDS = new Set(
  (
    'the is are was were what when where which who how why do does did can could would will shall ' +
    'i you he she we they my your our their it this that there here please thanks thank hello hi hey ' +
    'and or but not no yes of in on at for from with about event events festival ward register ' +
    'next upcoming help speak english want need know tell show list subscribe stop start language'
  ).split(' '),
);

export interface DetectLanguageOptions {
  /**
   * Unmarked words needed to decide (default 1). Use 2 where a language is already
   * known: one word ("stop", "ok", "help") from a Vietnamese user does not switch them.
   */
  minWords?: number;
}

/**
 * A tiny detector for the reply language: is this message Vietnamese (with or
 * without marks) or English? Returns null when it cannot tell (a number, "ok",
 * a code, one ambiguous word) — then the caller keeps what it knew.
 */
export function detectLanguage(text: string, options: DetectLanguageOptions = {}): Locale | null {
  const minWords = options.minWords ?? 1;
  const trimmed = text.normalize('NFC').trim();
  if (trimmed === '' || trimmed.startsWith('/')) return null;
  if (VIETNAMESE_LETTER.test(trimmed)) return 'vi';
  let vi = 0;
  let en = 0;
  for (const token of foldedTokens(trimmed)) {
    if (VIETNAMESE_WORDS.has(token)) vi += 1;
    if (ENGLISH_WORDS.has(token)) en += 1;
  }
  if (vi === en || Math.max(vi, en) < minWords) return null;
  // One English word among Vietnamese ("ok", "event") does not make the message English.
  if (en > vi) return en >= 2 || vi === 0 ? 'en' : null;
  return 'vi';
}
