import type { ReportKind } from '../../bot/domain/registration-status.js';
import type { Db } from '../../runtime/database.js';
import { cancelOccurrences } from './fire-once.js';
import { planReminders } from './reminder-planner.js';

/** How far ahead a cancellation looks for pending moments (a campaign year and a little). */
const HORIZON_MS = 400 * 86_400_000;

/** Moments strictly after now: one due this very instant is the sweeper's (it may be firing). */
const ahead = (now: Date) => ({ from: new Date(now.getTime() + 1), to: new Date(now.getTime() + HORIZON_MS) });

/**
 * Filing a report (one kind) or withdrawing/closing a registration ('all') switches off
 * its pending reminders, on the caller's transaction. The sweeper also re-checks the
 * registration when it fires; the rows written here make the cancellation explicit
 * (and countable: "Các nhắc hạn còn lại đã tắt").
 */
export async function cancelRegistrationReminders(db: Db, registrationId: string, reportKind: ReportKind | 'all', now: Date): Promise<number> {
  const planned = await planReminders(db, { ...ahead(now), quiet: null, targetId: registrationId, ignoreTargetState: true });
  const keys = planned.filter(
    (p) => p.targetId === registrationId && (reportKind === 'all' || (p.kind === 'report_due' && p.occurrence.startsWith(`${reportKind}:`))),
  );
  return cancelOccurrences(db, keys, now);
}

/** A cancelled event: its pending subscriber reminders are switched off. */
export async function cancelEventReminders(db: Db, eventId: string, now: Date): Promise<number> {
  const planned = await planReminders(db, { ...ahead(now), quiet: null, targetId: eventId, ignoreTargetState: true });
  return cancelOccurrences(db, planned.filter((p) => p.kind === 'event' && p.targetId === eventId), now);
}
