import type { QuietHours } from '../../bot/domain/quiet-hours.js';
import { vietnamDateOf } from '../../bot/domain/iso-date.js';
import type { ReminderKind } from '../../bot/domain/reminder-schedule.js';
import type { Db } from '../../runtime/database.js';
import { loadUnitTree } from '../store/unit-tree.repository.js';
import { createRecipientLookup } from './sources/plan-context.js';
import { evaluationVisits } from './sources/evaluation-visit.source.js';
import { eventReminders } from './sources/event.source.js';
import { registrationDeadline } from './sources/registration-deadline.source.js';
import { reportDue, snoozedReports } from './sources/report-due.source.js';
import { revisionPending } from './sources/revision-pending.source.js';

export { SNOOZE_RULE_KIND } from './sources/report-due.source.js';

/** A chat account a reminder goes to. */
export interface ReminderRecipient {
  userId: string;
  channel: string;
  chatId: string;
  locale: string;
}

/** One reminder due at one moment for one target (registration, unit or event), to its recipients. */
export interface PlannedReminder {
  kind: ReminderKind;
  targetId: string;
  occurrence: string;
  ruleId: string | null;
  fireAt: Date;
  daysLeft: number;
  /** The unit it concerns: staff see it in "lịch nhắc" when it lies in their scope. */
  unitId: string;
  recipients: ReminderRecipient[];
  /** Message arguments (see worker/reminders/reminder-messages.ts). */
  args: Record<string, string | number>;
}

export interface PlanWindow {
  from: Date;
  to: Date;
  quiet: QuietHours | null;
  /** Only this registration, unit or event (cancellation, previews). */
  targetId?: string;
  /**
   * Plan as if the target still qualified (a report not yet filed, a registration not
   * withdrawn): what the cancellation switches off is what would have been sent.
   */
  ignoreTargetState?: boolean;
}

/**
 * What is due in a time window, computed from PostgreSQL (the rules, the campaign
 * calendar, registrations, evaluations, events, subscribers). The sweeper fires what
 * is due and not yet recorded in `reminder_firing`; "lịch nhắc" lists the future part.
 * Filing a report, withdrawing or cancelling the event makes the target stop
 * qualifying, so nothing stale is ever planned.
 */
export async function planReminders(db: Db, window: PlanWindow): Promise<PlannedReminder[]> {
  const units = await loadUnitTree(db);
  const ctx = { db, units, window, today: vietnamDateOf(window.to), users: createRecipientLookup(db) };
  const lists = await Promise.all([reportDue(ctx), snoozedReports(ctx), registrationDeadline(ctx), revisionPending(ctx), evaluationVisits(ctx), eventReminders(ctx)]);
  const seen = new Set<string>();
  const planned: PlannedReminder[] = [];
  // A staff rule and the calendar may name the same deadline: one reminder, not two.
  for (const item of lists.flat()) {
    const key = `${item.kind}|${item.targetId}|${item.occurrence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    planned.push(item);
  }
  return planned.sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
}
