import type { Feature } from '../../conversation/turn.js';
import type { FeatureDeps } from '../feature-deps.js';
import { answerForResolution } from './place-flow.js';
import { PLACE_PURPOSES } from './place-purposes.js';
import type { PendingPlace } from './resident-context.js';
import { resolveTypedPlace } from './typed-place.js';
import { CHOICE, MIN_CONFIDENCE, choiceValue, contextOf, residentKit, residentStore, slotString, todayOf, understandTurn } from './resident-turn.js';

/** Intents that mean the user moved on rather than naming the place we asked for. */
const MOVED_ON = new Set(['greeting', 'help', 'thanks', 'unsubscribe', 'handoff.human']);

/**
 * Finishes a resident question once its place is known: a tapped (or numbered) choice
 * among same-named units or successors, a "subscribe to this ward" button, or a ward
 * name typed after "which ward?".
 */
export function createPendingPlaceFeature(deps: FeatureDeps): Feature {
  return {
    name: 'residents-pending-place',
    async handle(turn) {
      const store = residentStore(turn);
      if (!store) return null;
      const context = contextOf(turn);
      const kit = residentKit(deps, turn);
      const asOf = todayOf(turn);

      const subscribeTo = choiceValue(turn, CHOICE.subscribe);
      const picked = choiceValue(turn, CHOICE.pick);
      if (subscribeTo !== null || picked !== null) {
        const pending: PendingPlace = subscribeTo !== null
          ? { purpose: 'subscribe', awaitingPlace: false }
          : (context?.pending ?? { purpose: 'events', awaitingPlace: false });
        const resolution = await store.places.resolveUnit(subscribeTo ?? picked!, asOf);
        if (!resolution) return null;
        const purpose = PLACE_PURPOSES[pending.purpose];
        return answerForResolution({ deps, turn, kit, store, pending, resolution, answer: purpose.answer, options: purpose.options(pending, turn.now) });
      }

      const pending = context?.pending;
      if (!pending?.awaitingPlace || turn.event.kind !== 'text' || turn.choice !== null) return null;
      const understanding = understandTurn(deps, turn);
      if (MOVED_ON.has(understanding.intent) && understanding.confidence >= MIN_CONFIDENCE) return null;
      const resolution = await resolveTypedPlace(store, understanding.slots, slotString(understanding.slots, 'place') ?? turn.text, asOf);
      // A different, confident question with no place in it is not an answer to ours.
      const otherQuestion = understanding.intent !== 'out_of_scope' && understanding.intent !== 'unit.lookup' && understanding.confidence >= 0.8;
      // Nor is a whole sentence that names no known place (a complaint, a new topic):
      // ward names are a few words long.
      const sentence = turn.text.trim().split(/\s+/).length >= 5;
      if (resolution.kind === 'not_found' && (otherQuestion || sentence)) return null;
      const purpose = PLACE_PURPOSES[pending.purpose];
      return answerForResolution({ deps, turn, kit, store, pending, resolution, answer: purpose.answer, options: purpose.options(pending, turn.now) });
    },
  };
}
