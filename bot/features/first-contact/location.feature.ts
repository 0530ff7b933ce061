import type { Feature } from '../../conversation/turn.js';
import type { FeatureDeps } from '../feature-deps.js';
import { newContext } from '../residents/resident-context.js';
import { reply, residentKit } from '../residents/resident-turn.js';

/**
 * A shared location: units have no geometry yet, so the bot says so and asks for the
 * ward by name — and waits for it, so the name typed next answers "events there".
 * A shared contact is not stored (residents are known by platform id only).
 */
export function createLocationFeature(deps: FeatureDeps): Feature {
  return {
    name: 'first-contact-location',
    handle(turn) {
      const kit = residentKit(deps, turn);
      if (turn.event.kind === 'contact') return { replies: [kit.message('fc-contact')] };
      if (turn.event.kind !== 'location') return null;
      return reply(turn, [kit.message('fc-location')], newContext(turn.now, { pending: { purpose: 'events', awaitingPlace: true } }));
    },
  };
}
