import type { Feature } from '../../conversation/turn.js';
import type { FeatureDeps } from '../feature-deps.js';
import { createPlaceIntentFeature } from './place-intent.feature.js';
import { folded } from './resident-turn.js';

/** Short replies ("ko", "ừ") are not requests; the fallback's menu serves them better. */
const MIN_WORDS = 3;

/** Complaints, ID cards, roads…: a polite pointer to the ward's configured official channel. */
export function createOutOfScopeFeature(deps: FeatureDeps): Feature {
  return createPlaceIntentFeature(deps, {
    name: 'residents-out-of-scope',
    intents: ['out_of_scope'],
    purpose: 'out_of_scope',
    minConfidence: 0.6,
    accepts: (turn) => folded(turn).split(' ').length >= MIN_WORDS,
  });
}
