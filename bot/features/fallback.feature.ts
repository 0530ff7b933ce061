import type { Feature } from '../conversation/turn.js';
import type { Translator } from '../i18n/translator.js';
import { createReplyKit } from '../conversation/reply-kit.js';
import { mainMenuButtons, menuLabelKey } from './main-menu.js';

/**
 * Last in the list: a menu entry whose feature is not built yet says so honestly;
 * anything else gets "I did not understand" with the menu, never silence.
 */
export function createFallbackFeature(deps: { translator: Translator }): Feature {
  return {
    name: 'fallback',
    handle(turn) {
      const kit = createReplyKit(deps.translator, turn.user.locale);
      const labelKey = turn.choice ? menuLabelKey(turn.choice) : null;
      if (labelKey) {
        return { replies: [kit.message('feature-not-ready', { label: kit.t(labelKey) }, mainMenuButtons(turn.user, kit))] };
      }
      return { replies: [kit.message('fallback', undefined, mainMenuButtons(turn.user, kit))] };
    },
  };
}
