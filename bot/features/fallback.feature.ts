import type { Feature } from '../conversation/turn.js';
import type { Understand } from '../conversation/understanding.js';
import type { Translator } from '../i18n/translator.js';
import { createReplyKit } from '../conversation/reply-kit.js';
import { mainMenuButtons, menuLabelKey } from './main-menu.js';

/** Below this the bot says it did not understand rather than naming a guess. */
const NAMED_GUESS_CONFIDENCE = 0.55;

/**
 * Last in the list. A request the bot understood but no feature serves yet (a menu
 * entry, or e.g. a staff broadcast typed in words) is told so honestly, by name;
 * anything else gets "I did not understand" with the menu — never silence.
 */
export function createFallbackFeature(deps: { translator: Translator; understand: Understand }): Feature {
  return {
    name: 'fallback',
    handle(turn) {
      const kit = createReplyKit(deps.translator, turn.user.locale);
      const menu = mainMenuButtons(turn.user, kit);
      const menuKey = turn.choice ? menuLabelKey(turn.choice) : null;
      if (menuKey) return { replies: [kit.message('feature-not-ready', { label: kit.t(menuKey) }, menu)] };
      if (turn.event.kind === 'text' && turn.choice === null && turn.text.trim() !== '') {
        const { intent, confidence } = deps.understand(turn.text, turn.user);
        const intentKey = `intent-${intent.replace(/[._]/g, '-')}`;
        if (intent !== 'out_of_scope' && confidence >= NAMED_GUESS_CONFIDENCE && deps.translator.has(intentKey)) {
          return { replies: [kit.message('feature-not-ready', { label: kit.t(intentKey) }, menu)] };
        }
      }
      return { replies: [kit.message('fallback', undefined, menu)] };
    },
  };
}
