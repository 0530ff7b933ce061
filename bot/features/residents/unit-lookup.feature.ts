import type { Feature } from '../../conversation/turn.js';
import type { FeatureDeps } from '../feature-deps.js';
import { createPlaceIntentFeature } from './place-intent.feature.js';

/** "Hàng Bồ giờ là phường nào?", "phường 25 Bình Thạnh nay thuộc đâu": old → new from the lineage rows. */
export function createUnitLookupFeature(deps: FeatureDeps): Feature {
  return createPlaceIntentFeature(deps, { name: 'residents-unit-lookup', intents: ['unit.lookup'], purpose: 'unit' });
}
