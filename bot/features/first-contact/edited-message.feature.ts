import type { Feature } from '../../conversation/turn.js';
import { createReplyKit } from '../../conversation/reply-kit.js';
import type { FeatureDeps } from '../feature-deps.js';
import { RESIDENT_FLOW } from '../residents/resident-context.js';
import { CADRE_FLOWS } from '../cadre/cadre-flow-state.js';

/**
 * An edited message is not a new question: outside a flow it is acknowledged
 * silently (answering every typo fix would be noise). Inside a flow the bot cannot
 * tell which of its questions the original answered, so rather than taking the
 * correction as the answer to the current step it asks for a new message, keeping
 * the flow exactly where it was — except in the registration, which remembers which
 * message answered which step and replaces that answer (register-model.correction.ts).
 */
export function createEditedMessageFeature(deps: FeatureDeps): Feature {
  return {
    name: 'first-contact-edited',
    handle(turn) {
      if (!turn.event.edited) return null;
      // The resident context (last answer in view) is not a flow waiting for an answer.
      if (turn.state.flow === null || turn.state.flow === RESIDENT_FLOW) return { replies: [] };
      // The registration remembers which message answered which step: it takes the correction.
      if (turn.state.flow === CADRE_FLOWS.register) return null;
      const kit = createReplyKit(deps.translator, turn.user.locale);
      return { replies: [kit.message('fc-edited-ignored', undefined, turn.state.lastButtons ?? undefined)] };
    },
  };
}
