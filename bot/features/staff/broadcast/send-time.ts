import { nextAllowedInstant, type QuietHours } from '../../../domain/quiet-hours.js';

/** "08:00 ngày 24/11/2026" style pieces in Vietnam time. */
export function vietnamClock(at: Date): { time: string; date: string } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { time: `${get('hour')}:${get('minute')}`, date: `${get('day')}/${get('month')}/${get('year')}` };
}

/**
 * The instant a typed "8h sáng mai" / "thứ 7 này 7h30" names, from the NLU's date and
 * time slots (Vietnam time): a date alone means 08:00, a time alone means today (or
 * tomorrow when that time has passed). Null when the message names no time.
 */
export function sendTimeFromSlots(slots: { date?: unknown; time?: unknown }, now: Date): Date | null {
  const date = typeof slots.date === 'string' ? slots.date : null;
  const time = typeof slots.time === 'string' ? slots.time : null;
  if (!date && !time) return null;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
  let at = new Date(`${date ?? today}T${time ?? '08:00'}:00+07:00`);
  if (!date && at <= now) at = new Date(at.getTime() + 24 * 3600 * 1000);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** Tomorrow 08:00 in Vietnam (the preview's one-tap option). */
export function tomorrowMorning(now: Date): Date {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
  return new Date(new Date(`${today}T08:00:00+07:00`).getTime() + 24 * 3600 * 1000);
}

/**
 * When it will really go: a time in the past means now; quiet hours move it to the
 * window's end. `moved` says the composer must be told.
 */
export function effectiveSendTime(wanted: Date | null, now: Date, quiet: QuietHours | null): { at: Date | null; moved: boolean } {
  const base = wanted && wanted > now ? wanted : now;
  const allowed = nextAllowedInstant(quiet, base);
  if (allowed.getTime() !== base.getTime()) return { at: allowed, moved: true };
  return { at: wanted && wanted > now ? wanted : null, moved: false };
}
