import type { Feature } from '../conversation/turn.js';
import type { Understand } from '../conversation/understanding.js';
import type { Translator } from '../i18n/translator.js';
import { createReplyKit } from '../conversation/reply-kit.js';
import { CLARIFY_PREFIX } from '../conversation/conversation-engine.js';


export interface ClarifyFeatureDeps {
  translator: Translator;
  understand: Understand;
  /** Below this confidence the bot asks instead of guessing (the NLU's CLARIFY_THRESHOLD). */
  threshold: number;
}

/**
 * When the bot is unsure what a free-text message means (and no flow is waiting
 * for an answer), it offers its two best readings as buttons rather than guessing
 * wrong. The original text is kept; the engine replays it with the chosen reading.
 */
export function createClarifyFeature(deps: ClarifyFeatureDeps): Feature {
  return {
    name: 'clarify',
    handle(turn) {
      if (turn.event.kind !== 'text' || turn.choice !== null || turn.state.flow !== null) return null;
      const understanding = deps.understand(turn.text, turn.user);
      if (understanding.confidence >= deps.threshold) return null;
      const readings = [understanding.intent, ...(understanding.alternatives ?? []).map((a) => a.intent)]
        .filter((intent, index, all) => intent !== 'out_of_scope' && all.indexOf(intent) === index)
        .slice(0, 2);
      if (readings.length < 2) return null;
      const kit = createReplyKit(deps.translator, turn.user.locale);
      return {
        replies: [
          kit.message(
            'clarify-question',
            undefined,
            readings.map((intent) => ({ label: kit.t(`intent-${intent.replace(/[._]/g, '-')}`), value: `${CLARIFY_PREFIX}${intent}` })),
          ),
        ],
        state: { ...turn.state, data: { ...turn.state.data, clarify: { text: turn.text, slots: understanding.slots } } },
      };
    },
  };
}
