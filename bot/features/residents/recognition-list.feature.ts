import type { Feature } from '../../conversation/turn.js';
import type { FeatureDeps } from '../feature-deps.js';
import { createPlaceIntentFeature } from './place-intent.feature.js';

/** "Những mô hình nào được công nhận ở X?": the public list, recognised items only. */
export function createRecognitionListFeature(deps: FeatureDeps): Feature {
  return createPlaceIntentFeature(deps, { name: 'residents-recognitions', intents: ['recognition.query'], menuValue: 'menu:models', purpose: 'recognitions' });
}
