import type { Feature } from '../../conversation/turn.js';
import type { FeatureDeps } from '../feature-deps.js';
import { createPlaceIntentFeature } from './place-intent.feature.js';
import { folded } from './resident-turn.js';
import { topicsFromText } from './subscribe-answer.js';

/** "Đăng ký nhận tin", "nhắc tôi trước ngày hội": the ward named, else the one just discussed, else the user's, else ask. */
export function createSubscribeFeature(deps: FeatureDeps): Feature {
  return createPlaceIntentFeature(deps, {
    name: 'residents-subscribe',
    intents: ['subscribe'],
    menuValue: 'menu:subscribe',
    purpose: 'subscribe',
    pendingFrom: (turn) => ({ topics: turn.choice === null ? topicsFromText(folded(turn)) : undefined }),
  });
}
