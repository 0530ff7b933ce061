import type { Feature } from '../conversation/turn.js';
import type { Understand } from '../conversation/understanding.js';
import type { Translator } from '../i18n/translator.js';
import { createReplyKit } from '../conversation/reply-kit.js';
import { mainMenuButtons, menuAudience } from './main-menu.js';

export interface GreetingFeatureDeps {
  translator: Translator;
  understand: Understand;
}

/** "xin chào", "trợ giúp", a follow event → a greeting for the sender's role and the menu. */
export function createGreetingFeature(deps: GreetingFeatureDeps): Feature {
  return {
    name: 'greeting',
    handle(turn) {
      const kit = createReplyKit(deps.translator, turn.user.locale);
      const menu = mainMenuButtons(turn.user, kit);
      if (turn.event.kind === 'follow') {
        return { replies: [kit.message('follow-welcome', undefined, menu)] };
      }
      if (turn.event.kind !== 'text' || turn.choice !== null) return null;
      const { intent } = deps.understand(turn.text, turn.user);
      if (intent === 'greeting') {
        return { replies: [kit.message(`greeting-${menuAudience(turn.user)}`, undefined, menu)] };
      }
      if (intent === 'help') {
        return { replies: [kit.message('help-intro', undefined, menu)] };
      }
      if (intent === 'thanks') {
        return { replies: [kit.message('thanks-reply')] };
      }
      return null;
    },
  };
}
