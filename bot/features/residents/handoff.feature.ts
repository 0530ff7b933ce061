import type { Feature } from '../../conversation/turn.js';
import type { FeatureDeps } from '../feature-deps.js';
import { createPlaceIntentFeature } from './place-intent.feature.js';

/** "Cho tôi gặp cán bộ": the ward office's configured contact and hours, never a person's phone number. */
export function createHandoffFeature(deps: FeatureDeps): Feature {
  return createPlaceIntentFeature(deps, { name: 'residents-handoff', intents: ['handoff.human'], menuValue: 'menu:human', purpose: 'handoff' });
}
