import { addDays, vietnamDateOf, type IsoDate } from './iso-date.js';
import { nextAllowedInstant, type QuietHours } from './quiet-hours.js';

/**
 * The reminder kinds of domain §2.5, plus the change notice of a moved or cancelled
 * event (sent once per recipient, through the same exactly-once record).
 */
export const REMINDER_KINDS = [
  'report_due',
  'registration_deadline',
  'revision_pending',
  'revision_pending_reviewer',
  'evaluation_visit',
  'event',
  'event_change',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Days before a report's due date: T-7, T-3, T-1 and the day itself. */
export const REPORT_DUE_OFFSETS = [-7, -3, -1, 0] as const;
/** Days before the registration window closes: T-14, T-7, T-1. */
export const REGISTRATION_DEADLINE_OFFSETS = [-14, -7, -1] as const;
/** A registration returned for revision nudges the cadre after 7 days and tells the reviewer after 21. */
export const REVISION_CADRE_DAYS = 7;
export const REVISION_REVIEWER_DAYS = 21;

/** Office reminders go out at the start of the working morning. */
export const MORNING_TIME = '08:00';
/** The evening before an event (domain §2.5: "T-1 day at 18:00"). */
export const EVENING_TIME = '18:00';
/** "The morning of the event": early enough to still be useful for an 08:00 start. */
export const EVENT_MORNING_TIME = '07:00';

/** One moment a reminder is due, already moved out of quiet hours. */
export interface ReminderMoment {
  /** Stable name of the moment, part of the exactly-once key. Contains the date it is about. */
  occurrence: string;
  fireAt: Date;
  /** Days left until the deadline or event (0 = today), for the message. */
  daysLeft: number;
}

/** A wall-clock time in Vietnam (UTC+7 all year: no daylight saving). */
export function vietnamInstant(date: IsoDate, time: string): Date {
  return new Date(`${date}T${time}:00+07:00`);
}

/** Deadline reminders (report due, registration deadline): at 08:00 on each offset day. */
export function deadlineMoments(dueDate: IsoDate, offsets: readonly number[], quiet: QuietHours | null, prefix = ''): ReminderMoment[] {
  return offsets.map((offset) => ({
    occurrence: `${prefix}${dueDate}@${offset}`,
    fireAt: nextAllowedInstant(quiet, vietnamInstant(addDays(dueDate, offset), MORNING_TIME)),
    daysLeft: 0 - offset, // never -0: it would print as "-0" in some formatters
  }));
}

/**
 * Event reminders to subscribers: T-3 days (morning), T-1 at 18:00 and the morning of
 * the event. The occurrence names the event's date, so a postponed event gets new
 * moments (the reminders "move") while what already fired for the old date stays fired.
 * Moments that would fall after the start are dropped.
 */
export function eventMoments(startsAt: Date, quiet: QuietHours | null): ReminderMoment[] {
  const day = vietnamDateOf(startsAt);
  const plan: Array<[string, IsoDate, string, number]> = [
    ['t-3', addDays(day, -3), MORNING_TIME, 3],
    ['t-1', addDays(day, -1), EVENING_TIME, 1],
    ['morning', day, EVENT_MORNING_TIME, 0],
  ];
  return plan
    .map(([name, date, time, daysLeft]) => ({ occurrence: `${name}@${day}`, fireAt: nextAllowedInstant(quiet, vietnamInstant(date, time)), daysLeft }))
    .filter((moment) => moment.fireAt.getTime() < startsAt.getTime());
}

/** Revision pending: 7 days after the return (to the cadre), 21 days (to the reviewer). */
export function revisionMoments(since: Date, quiet: QuietHours | null): Array<ReminderMoment & { kind: 'revision_pending' | 'revision_pending_reviewer' }> {
  const at = (days: number) => nextAllowedInstant(quiet, new Date(since.getTime() + days * 86_400_000));
  const key = since.toISOString();
  return [
    { kind: 'revision_pending', occurrence: `${REVISION_CADRE_DAYS}d@${key}`, fireAt: at(REVISION_CADRE_DAYS), daysLeft: 0 },
    { kind: 'revision_pending_reviewer', occurrence: `${REVISION_REVIEWER_DAYS}d@${key}`, fireAt: at(REVISION_REVIEWER_DAYS), daysLeft: 0 },
  ];
}

/** Evaluation visit: the morning of the day before. */
export function evaluationVisitMoment(visitOn: IsoDate, quiet: QuietHours | null): ReminderMoment {
  return { occurrence: `visit@${visitOn}`, fireAt: nextAllowedInstant(quiet, vietnamInstant(addDays(visitOn, -1), MORNING_TIME)), daysLeft: 1 };
}
