import type { Feature } from '../../../conversation/turn.js';
import type { FeatureDeps } from '../../feature-deps.js';
import { createReminderListFeature } from './reminder-list.feature.js';
import { createReminderRuleFlow } from './reminder-rule.flow.js';

export type { StaffRemindersApi, StaffReminderServices, ScheduledReminder } from './reminder-services.js';

/** Staff reminders: "lịch nhắc" (the schedule) and reminder rules by chat, in the order tried. */
export function createStaffReminderFeatures(deps: FeatureDeps): Feature[] {
  return [createReminderListFeature(deps), createReminderRuleFlow(deps)];
}
