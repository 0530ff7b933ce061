import type { Feature } from '../../conversation/turn.js';
import { createReplyKit } from '../../conversation/reply-kit.js';
import type { FeatureDeps } from '../feature-deps.js';
import { RESIDENT_FLOW } from '../residents/resident-context.js';

/**
 * A photo or file without a caption while a cadre flow waits for an answer: files
 * are not stored through the chat yet, so say that plainly (instead of "I only
 * read text" right after a step that mentions attachments), say where the files go
 * instead, and keep the step and its options exactly as they were.
 */
export function createAttachmentInFlowFeature(deps: FeatureDeps): Feature {
  return {
    name: 'first-contact-attachment-in-flow',
    handle(turn) {
      const { kind } = turn.event;
      if (kind !== 'image' && kind !== 'document') return null;
      if (turn.state.flow === null || turn.state.flow === RESIDENT_FLOW) return null;
      const kit = createReplyKit(deps.translator, turn.user.locale);
      return { replies: [kit.message('fc-attachment-not-stored', undefined, turn.state.lastButtons ?? undefined)] };
    },
  };
}
