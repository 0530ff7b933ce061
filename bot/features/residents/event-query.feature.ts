import type { Feature } from '../../conversation/turn.js';
import type { FeatureDeps } from '../feature-deps.js';
import { eventQueryFromSlots } from './event-window.js';
import { createPlaceIntentFeature } from './place-intent.feature.js';

/** "Ngày hội ở phường X khi nào?", "hội thi tháng sau", "thứ 7 này có gì không", the menu's events entry. */
export function createEventQueryFeature(deps: FeatureDeps): Feature {
  return createPlaceIntentFeature(deps, {
    name: 'residents-event-query',
    intents: ['event.query'],
    menuValue: 'menu:events',
    purpose: 'events',
    pendingFrom: (_turn, understanding) => ({ query: eventQueryFromSlots(understanding.slots) }),
  });
}
