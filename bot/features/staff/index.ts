import type { Feature } from '../../conversation/turn.js';
import type { FeatureDeps } from '../feature-deps.js';
import { createComposeBroadcastFlow } from './broadcast/compose-broadcast.flow.js';
import { createBroadcastStatusFeature } from './broadcast/broadcast-status.feature.js';

/**
 * Staff features (broadcasters, approvers, admins): announcements. Status first, so
 * that "tình hình gửi thông báo" and the approve / stop / cancel buttons are never
 * read as "compose a new one".
 */
export function createStaffFeatures(deps: FeatureDeps): Feature[] {
  return [createBroadcastStatusFeature(deps), createComposeBroadcastFlow(deps)];
}
