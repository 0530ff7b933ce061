import type { ChatIdentity } from '../../../core/identity.js';
import type { IsoDate } from '../../../domain/iso-date.js';
import type { ReportKind } from '../../../domain/registration-status.js';
import type { ReminderKind } from '../../../domain/reminder-schedule.js';

/** One pending reminder moment, as "lịch nhắc" and "lịch gửi tuần này" show it. */
export interface ScheduledReminder {
  kind: ReminderKind;
  fireAt: Date;
  /** What it is about: a report kind and due date, an event title, a registration code… */
  subject: { reportKind?: ReportKind; due?: IsoDate; title?: string; code?: string; year?: number };
  /** Registrations, units or events it concerns at that moment. */
  targets: number;
  /** Chat accounts it will go to (not yet sent). */
  recipients: number;
}

/** A staff request: "nhắc các mô hình chưa nộp báo cáo sơ kết trước 15/6". */
export interface ReportRuleDraft {
  reportKind: ReportKind;
  dueDate: IsoDate;
}

export interface ReportRulePreview {
  scopeUnitId: string;
  scopeName: string;
  /** Accepted registrations in scope without that report today. */
  targets: number;
  /** When the reminders go out (those still ahead). */
  moments: Date[];
}

export type StaffRefusal = { ok: false; reason: 'not_allowed' | 'due_passed' };

export interface StaffRemindersApi {
  previewReportRule(user: ChatIdentity, draft: ReportRuleDraft, now: Date): Promise<({ ok: true } & ReportRulePreview) | StaffRefusal>;
  /** Saves the rule (idempotent for the same scope, kind and date) with an audit row. */
  createReportRule(user: ChatIdentity, draft: ReportRuleDraft, now: Date): Promise<({ ok: true; ruleId: string } & ReportRulePreview) | StaffRefusal>;
  /** Pending reminders in the user's broadcaster/admin scope. */
  listScheduled(user: ChatIdentity, from: Date, to: Date, now: Date): Promise<{ ok: true; scopeName: string; items: ScheduledReminder[] } | StaffRefusal>;
  /**
   * Pending reminders of every kind for a unit's subtree (scope), between two instants,
   * grouped by moment and subject. Shared with the broadcast schedule ("lịch gửi tuần này").
   */
  listScheduledReminders(scopeUnitId: string, from: Date, to: Date): Promise<ScheduledReminder[]>;
}

/** Staff reminder rules and schedules. Implemented in worker/reminders/staff-reminders.store.ts. */
export interface StaffReminderServices {
  /** Optional so that plumbing tests without a database still run. */
  staffReminders?: StaffRemindersApi;
}
