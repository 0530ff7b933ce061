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
  const options = replyLocaleOptions(input);
  if (!input.previous) return options.newUser;
  return options.knownUser ?? input.previous;
}

/** What `chooseReplyLocale` decides from the message alone, before the stored row is known. */
export interface ReplyLocaleOptions {
  /** A user with no stored row: the message's language, else the platform's hint, else the default. */
  newUser: Locale;
  /** A user with a stored language and no explicit choice: the message's language, or null to keep theirs. */
  knownUser: Locale | null;
}

/**
 * The same rule split in two, so the store can apply it in the statement that reads and
 * writes the row (worker/inbound/chat-user.store.ts) instead of reading it first.
 */
export function replyLocaleOptions(input: Pick<ReplyLocaleInput, 'text' | 'languageCode' | 'defaultLocale'>): ReplyLocaleOptions {
  const hint = input.languageCode ? normalizeLocale(input.languageCode, input.defaultLocale) : input.defaultLocale;
  if (input.text === undefined) return { newUser: hint, knownUser: null };
  // One unmarked word does not switch a conversation that already has a language.
  return { newUser: detectLanguage(input.text, { minWords: 1 }) ?? hint, knownUser: detectLanguage(input.text, { minWords: 2 }) };
}
