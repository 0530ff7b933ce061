import type { Locale } from '../../i18n/translator.js';

/** Remembering the language a user chose ("English", "tiếng Việt", /language). */
export interface LanguageService {
  /** Stores the locale as the user's explicit choice: it no longer follows each message. */
  choose(userId: string, locale: Locale): Promise<void>;
}

/** Whether the bot may answer a user in private (the platform lets a bot write first only after that). */
export interface PrivateChatService {
  /**
   * `not-started`: the user never wrote to the bot in private (or blocked it);
   * `busy`: a private flow waits for their answer (a group message must not answer it);
   * `idle`: a private answer can be sent.
   */
  status(userId: string): Promise<'not-started' | 'idle' | 'busy'>;
  /** A link that opens the private chat with the bot (Telegram `https://t.me/<bot>`), or null where there is none. */
  openLink(channel: string): string | null;
}

export interface FirstContactServices {
  /** Absent where no store is wired (unit tests of other features). */
  language?: LanguageService;
  privateChat?: PrivateChatService;
}
