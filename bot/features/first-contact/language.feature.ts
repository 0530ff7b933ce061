import type { Feature } from '../../conversation/turn.js';
import { createReplyKit } from '../../conversation/reply-kit.js';
import { foldText } from '../../core/fold.js';
import type { Locale } from '../../i18n/translator.js';
import type { FeatureDeps } from '../feature-deps.js';
import { parseBotCommand } from './bot-command.js';

/** Button values of the language question. */
export const LANGUAGE_CHOICE = { vi: 'lang:vi', en: 'lang:en' } as const;

/**
 * "English", "in English please", "tiếng Việt", "nói tiếng việt đi", "tieng viet" — a
 * short message that names a language is a request to switch (a long one that merely
 * mentions it is a question for the other features).
 */
const SWITCH_TO: Array<{ locale: Locale; pattern: RegExp }> = [
  { locale: 'en', pattern: /^(?:(?:in |speak |reply in |answer in |please |pls )*english(?: please| pls)?|tieng anh(?: di| nhe| nha)?|(?:noi|tra loi|dung|chuyen sang|doi sang) tieng anh(?: di| nhe| nha)?)$/ },
  { locale: 'vi', pattern: /^(?:(?:in |speak |reply in |please )*vietnamese(?: please)?|(?:noi |tra loi |tra loi bang |dung |chuyen sang |doi sang |bang )?tieng viet(?: di| nhe| nha| thoi)?)$/ },
];

export function requestedLocale(text: string): Locale | null {
  const folded = foldText(text);
  return SWITCH_TO.find((entry) => entry.pattern.test(folded))?.locale ?? null;
}

/**
 * Switching the reply language: `/language` asks (two buttons), a tap or a typed
 * request switches and is remembered as the user's explicit choice, which then
 * wins over the language of each message (bot/i18n/reply-locale.ts).
 */
export function createLanguageFeature(deps: FeatureDeps): Feature {
  return {
    name: 'first-contact-language',
    async handle(turn) {
      const tapped = turn.choice === LANGUAGE_CHOICE.vi ? 'vi' : turn.choice === LANGUAGE_CHOICE.en ? 'en' : null;
      const typed = turn.event.kind === 'text' && turn.choice === null ? requestedLocale(turn.text) : null;
      const locale = tapped ?? typed;
      if (locale) {
        await turn.services.language?.choose(turn.user.userId, locale);
        const kit = createReplyKit(deps.translator, locale);
        return { replies: [kit.message('fc-language-set')] };
      }
      if (turn.event.kind === 'text' && parseBotCommand(turn.text)?.name === 'language') {
        const kit = createReplyKit(deps.translator, turn.user.locale);
        return {
          replies: [kit.message('fc-language-ask', undefined, [kit.button('fc-language-vi', LANGUAGE_CHOICE.vi), kit.button('fc-language-en', LANGUAGE_CHOICE.en)])],
        };
      }
      return null;
    },
  };
}
