import path from 'node:path';
import { createTranslator, type Translator } from '../../bot/i18n/translator.js';
import { BOT_COMMANDS } from '../../bot/features/first-contact/bot-command.js';

/** One `setMyCommands` call: the menu shown next to the message box, per app language. */
export interface TelegramCommandList {
  /** Omitted = the default list (Vietnamese), for every app language without its own. */
  languageCode?: 'en';
  commands: Array<{ command: string; description: string }>;
}

const LOCALES_DIR = path.resolve(import.meta.dirname, '..', '..', 'locales');

/**
 * The command menu in Vietnamese (the default for every app language, since the
 * official Telegram apps have no Vietnamese interface) and in English.
 */
export function telegramCommandLists(translator: Translator = createTranslator({ localesDir: LOCALES_DIR })): TelegramCommandList[] {
  const list = (locale: 'vi' | 'en') => BOT_COMMANDS.map((command) => ({ command, description: translator.t(locale, `fc-command-${command}`) }));
  return [{ commands: list('vi') }, { languageCode: 'en', commands: list('en') }];
}
