import type { Feature } from '../../conversation/turn.js';
import type { FeatureDeps } from '../feature-deps.js';
import { createPendingPlaceFeature } from './pending-place.feature.js';
import { createEventDetailFeature } from './event-detail.feature.js';
import { createEventQueryFeature } from './event-query.feature.js';
import { createSubscribeFeature } from './subscribe.feature.js';
import { createUnitLookupFeature } from './unit-lookup.feature.js';
import { createRecognitionListFeature } from './recognition-list.feature.js';
import { createPublicInfoFeature } from './public-info.feature.js';
import { createHandoffFeature } from './handoff.feature.js';
import { createOutOfScopeFeature } from './out-of-scope.feature.js';

export { createUnsubscribeFeature } from './unsubscribe.feature.js';

/**
 * Resident features (events, follow-ups, subscriptions, information), in the order they
 * are tried. Unsubscribe is not in this list: bot/create-bot.ts puts it before every
 * other feature so that "hủy nhận tin" wins at once, even in the middle of a flow. Follow-ups come before new questions so
 * "ở đâu?" after an answer means that event. Greeting, help and thanks stay with the
 * shared greeting feature (menus by role; thanks closes without restarting a flow).
 */
export function createResidentFeatures(deps: FeatureDeps): Feature[] {
  return [
    createPendingPlaceFeature(deps),
    createEventDetailFeature(deps),
    createEventQueryFeature(deps),
    createSubscribeFeature(deps),
    // Before the lists: "ở những cấp nào" is a tier question even when read as recognition.query.
    createPublicInfoFeature(deps),
    createUnitLookupFeature(deps),
    createRecognitionListFeature(deps),
    createHandoffFeature(deps),
    createOutOfScopeFeature(deps),
  ];
}
