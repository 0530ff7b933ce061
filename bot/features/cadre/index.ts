import type { Feature } from '../../conversation/turn.js';
import type { FeatureDeps } from '../feature-deps.js';

/** Cadre, reviewer and approver features (linking, registration, status, reports, review), in the order they are tried. */
export function createCadreFeatures(_deps: FeatureDeps): Feature[] {
  return [];
}
