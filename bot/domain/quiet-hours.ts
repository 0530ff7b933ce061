import { TZDate } from '@date-fns/tz';
import { VIETNAM_TIME_ZONE } from '../core/clock.js';

/**
 * A daily window, in Vietnam time, when nothing proactive is sent to citizens
 * (announcements, reminders). It may wrap midnight: 21:00–07:00 is the usual one.
 */
export interface QuietHours {
  /** Minutes after local midnight when the quiet window starts. */
  startMinute: number;
  /** Minutes after local midnight when sending is allowed again. */
  endMinute: number;
}

export class QuietHoursFormatError extends Error {
  override readonly name = 'QuietHoursFormatError';
}

/**
 * Parses `HH:MM-HH:MM` (e.g. `21:00-07:00`). An empty string means "no quiet hours"
 * and gives null. Equal start and end are refused: it would mean "always quiet".
 */
export function parseQuietHours(text: string): QuietHours | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(trimmed);
  if (!match) throw new QuietHoursFormatError(`"${text}" is not HH:MM-HH:MM, e.g. 21:00-07:00 (empty for none)`);
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
  if (h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59) throw new QuietHoursFormatError(`"${text}" has an hour above 23 or a minute above 59`);
  const startMinute = h1 * 60 + m1;
  const endMinute = h2 * 60 + m2;
  if (startMinute === endMinute) throw new QuietHoursFormatError(`"${text}" starts and ends at the same minute; leave it empty for no quiet hours`);
  return { startMinute, endMinute };
}

/** Whether a local minute-of-day falls inside the window (start inclusive, end exclusive). */
function inside(quiet: QuietHours, minuteOfDay: number): boolean {
  return quiet.startMinute < quiet.endMinute
    ? minuteOfDay >= quiet.startMinute && minuteOfDay < quiet.endMinute
    : minuteOfDay >= quiet.startMinute || minuteOfDay < quiet.endMinute;
}

export function isQuiet(quiet: QuietHours | null, at: Date): boolean {
  if (!quiet) return false;
  const local = new TZDate(at.getTime(), VIETNAM_TIME_ZONE);
  return inside(quiet, local.getHours() * 60 + local.getMinutes());
}

/**
 * The first instant at or after `at` outside the quiet window: `at` itself when it is
 * allowed, otherwise the window's end (today's or tomorrow's, in Vietnam time).
 * Callers tell the sender when a send was moved ("sẽ gửi lúc 07:00 sáng mai").
 */
export function nextAllowedInstant(quiet: QuietHours | null, at: Date): Date {
  if (!isQuiet(quiet, at)) return at;
  const local = new TZDate(at.getTime(), VIETNAM_TIME_ZONE);
  const end = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), Math.floor(quiet!.endMinute / 60), quiet!.endMinute % 60, 0, VIETNAM_TIME_ZONE);
  if (end.getTime() <= at.getTime()) end.setDate(end.getDate() + 1);
  return new Date(end.getTime());
}
