import { detectLanguage } from './detect-language.js';
import { normalizeLocale, type Locale } from './translator.js';

export interface ReplyLocaleInput {
  /** The user's explicit choice ("English", "tiếng Việt", /language), if they made one. */
  chosen: Locale | null;
  /** What the message itself is written in (null: cannot tell, e.g. a button or "2"). */
  text: string | undefined;
  /** The language the user was last answered in (the stored locale). */
  previous: Locale | null;
  /** The platform's hint (Telegram `language_code`). */
  languageCode: string | undefined;
  defaultLocale: Locale;
}

/**
 * The language to answer in: the user's explicit choice, else the language of the
 * message, else the language of the conversation so far, else the platform's
 * hint, else the default. The platform hint comes late on purpose: the official
 * Telegram apps have no Vietnamese interface, so many Vietnamese users say `en`.
 */
export function chooseReplyLocale(input: ReplyLocaleInput): Locale {
  if (input.chosen) return input.chosen;
  // One unmarked word does not switch a conversation that already has a language.
  const detected = input.text === undefined ? null : detectLanguage(input.text, { minWords: input.previous ? 2 : 1 });
  if (detected) return detected;
  if (input.previous) return input.previous;
  return input.languageCode ? normalizeLocale(input.languageCode, input.defaultLocale) : input.defaultLocale;
}
