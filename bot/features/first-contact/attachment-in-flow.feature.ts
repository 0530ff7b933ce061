import type { Feature } from '../../conversation/turn.js';
import { createReplyKit } from '../../conversation/reply-kit.js';
import type { FeatureDeps } from '../feature-deps.js';
import { RESIDENT_FLOW } from '../residents/resident-context.js';
import { FLOWS_TAKING_FILES } from '../attachments/attachment-flows.js';

/**
 * A photo or file without a caption while a flow that does not take files waits for
 * an answer (a review comment, a withdrawal): say where files are taken and keep
 * the step and its options exactly as they were. Flows that take files
 * (attachment-flows.ts) get the message themselves.
 */
export function createAttachmentInFlowFeature(deps: FeatureDeps): Feature {
  return {
    name: 'first-contact-attachment-in-flow',
    handle(turn) {
      const { kind } = turn.event;
      if (kind !== 'image' && kind !== 'document') return null;
      if (turn.state.flow === null || turn.state.flow === RESIDENT_FLOW || FLOWS_TAKING_FILES.has(turn.state.flow)) return null;
      const kit = createReplyKit(deps.translator, turn.user.locale);
      return { replies: [kit.message('att-not-here', undefined, turn.state.lastButtons ?? undefined)] };
    },
  };
}
