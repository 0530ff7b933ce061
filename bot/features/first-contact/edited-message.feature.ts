import type { Feature } from '../../conversation/turn.js';
import { createReplyKit } from '../../conversation/reply-kit.js';
import type { FeatureDeps } from '../feature-deps.js';
import { RESIDENT_FLOW } from '../residents/resident-context.js';

/**
 * An edited message is not a new question: outside a flow it is acknowledged
 * silently (answering every typo fix would be noise). Inside a flow the bot cannot
 * tell which of its questions the original answered, so rather than taking the
 * correction as the answer to the current step it asks for a new message, keeping
 * the flow exactly where it was.
 */
export function createEditedMessageFeature(deps: FeatureDeps): Feature {
  return {
    name: 'first-contact-edited',
    handle(turn) {
      if (!turn.event.edited) return null;
      // The resident context (last answer in view) is not a flow waiting for an answer.
      if (turn.state.flow === null || turn.state.flow === RESIDENT_FLOW) return { replies: [] };
      const kit = createReplyKit(deps.translator, turn.user.locale);
      return { replies: [kit.message('fc-edited-ignored', undefined, turn.state.lastButtons ?? undefined)] };
    },
  };
}
