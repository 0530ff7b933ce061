import type { Feature } from '../../conversation/turn.js';
import type { FeatureDeps } from '../feature-deps.js';
import { createSnoozeReminderFeature } from './snooze-reminder.feature.js';

export type { ReminderActionsApi, ReminderActionServices } from './reminder-action-services.js';

/** What recipients do with a reminder ("Nhắc lại ngày mai"); "Nộp báo cáo ngay" is the report flow's. */
export function createReminderActionFeatures(deps: FeatureDeps): Feature[] {
  return [createSnoozeReminderFeature(deps)];
}
