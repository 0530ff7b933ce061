import type { Locale } from '../../i18n/translator.js';

/** Remembering the language a user chose ("English", "tiếng Việt", /language). */
export interface LanguageService {
  /** Stores the locale as the user's explicit choice: it no longer follows each message. */
  choose(userId: string, locale: Locale): Promise<void>;
}

export interface FirstContactServices {
  /** Absent where no store is wired (unit tests of other features). */
  language?: LanguageService;
}
