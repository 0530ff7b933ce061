import type { ChatIdentity } from '../../core/identity.js';
import type { ReportKind } from '../../domain/registration-status.js';

export type SnoozeResult = { ok: true; at: Date } | { ok: false; reason: 'not_found' | 'due_today' };

/** What a reminder's recipient can do with it besides acting on it. */
export interface ReminderActionsApi {
  /** "Nhắc lại ngày mai": one more reminder at 08:00 tomorrow, while the report is still missing. */
  snoozeReport(user: ChatIdentity, registrationId: string, reportKind: ReportKind, now: Date): Promise<SnoozeResult>;
}

/** Implemented in worker/reminders/reminder-actions.store.ts. */
export interface ReminderActionServices {
  reminderActions?: ReminderActionsApi;
}
