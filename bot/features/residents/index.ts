import type { Feature } from '../../conversation/turn.js';
import type { FeatureDeps } from '../feature-deps.js';

/** Resident features (events, follow-ups, subscriptions, information), in the order they are tried. */
export function createResidentFeatures(_deps: FeatureDeps): Feature[] {
  return [];
}
