import type { Feature } from '../../../conversation/turn.js';
import type { FeatureDeps } from '../../feature-deps.js';
import { createEventChangeFlow } from './event-change.flow.js';

export type { EventChangeApi, StaffEventServices, ChangeableEvent } from './event-change-services.js';

/** Staff event changes: "dời ngày hội … sang 13/12", "hủy hội thi …". */
export function createStaffEventFeatures(deps: FeatureDeps): Feature[] {
  return [createEventChangeFlow(deps)];
}
