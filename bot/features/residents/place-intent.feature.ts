import type { Feature, Turn } from '../../conversation/turn.js';
import type { Understanding } from '../../conversation/understanding.js';
import type { FeatureDeps } from '../feature-deps.js';
import { menuLabelKey } from '../main-menu.js';
import { answerForKnownOrAsk, answerForResolution } from './place-flow.js';
import { PLACE_PURPOSES } from './place-purposes.js';
import { withSecondaryAnswer } from './secondary-answer.js';
import { resolveTypedPlace } from './typed-place.js';
import type { PendingPlace, PlacePurpose } from './resident-context.js';
import { MIN_CONFIDENCE, residentKit, residentStore, slotString, todayOf, understandTurn } from './resident-turn.js';

export interface PlaceIntentFeatureSpec {
  name: string;
  intents: readonly string[];
  /** The main-menu entry that starts the same question. */
  menuValue?: string;
  purpose: PlacePurpose;
  minConfidence?: number;
  /** Extra condition on the reading (e.g. enough words to be a real request). */
  accepts?: (turn: Turn, understanding: Understanding) => boolean;
  /** The question's details kept while the place is being settled. */
  pendingFrom?: (turn: Turn, understanding: Understanding) => Omit<PendingPlace, 'purpose' | 'awaitingPlace'>;
}

/**
 * The common shape of the resident questions about a place (events, subscribe, recognitions,
 * unit lookup, contact): the place typed, else the one in view or the user's own ward, else ask.
 */
export function createPlaceIntentFeature(deps: FeatureDeps, spec: PlaceIntentFeatureSpec): Feature {
  const purpose = PLACE_PURPOSES[spec.purpose];
  return {
    name: spec.name,
    async handle(turn) {
      const store = residentStore(turn);
      if (!store) return null;
      const fromMenu = spec.menuValue !== undefined && turn.choice === spec.menuValue;
      if (!fromMenu && (turn.choice !== null || turn.event.kind !== 'text')) return null;
      const understanding = fromMenu ? { intent: 'menu', confidence: 1, slots: {} } : understandTurn(deps, turn);
      if (!fromMenu) {
        if (!spec.intents.includes(understanding.intent) || understanding.confidence < (spec.minConfidence ?? MIN_CONFIDENCE)) return null;
        if (spec.accepts && !spec.accepts(turn, understanding)) return null;
      }
      const kit = residentKit(deps, turn);
      const pending: PendingPlace = { purpose: spec.purpose, awaitingPlace: false, ...(spec.pendingFrom?.(turn, understanding) ?? {}) };
      const answer = withSecondaryAnswer(purpose.answer, spec.purpose, understanding);
      const args = { deps, turn, kit, store, pending, answer, options: purpose.options(pending, turn.now) };
      const place = slotString(understanding.slots, 'place');
      if (place) {
        const resolution = await resolveTypedPlace(store, understanding.slots, place, todayOf(turn));
        return answerForResolution({ ...args, resolution });
      }
      return answerForKnownOrAsk({
        ...args,
        askKey: purpose.askKey,
        preferOwnUnit: purpose.preferOwnUnit,
        chosenLabelKey: fromMenu ? (menuLabelKey(spec.menuValue!) ?? undefined) : undefined,
      });
    },
  };
}
