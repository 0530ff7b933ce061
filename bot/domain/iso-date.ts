import { VIETNAM_TIME_ZONE } from '../core/clock.js';

/**
 * A calendar date `YYYY-MM-DD`. Validity ranges, decision dates and deadlines are
 * civil dates in Vietnam, so they compare as strings and never carry a time zone.
 */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): value is IsoDate {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

const vietnamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The civil date in Vietnam at an instant ("today" for a clock reading). */
export function vietnamDateOf(instant: Date): IsoDate {
  return vietnamDay.format(instant);
}

/** The campaign year in Vietnam at an instant. */
export function vietnamYearOf(instant: Date): number {
  return Number(vietnamDateOf(instant).slice(0, 4));
}

/** Days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Inclusive range check with open ends when a bound is null. */
export function isWithin(date: IsoDate, from: IsoDate | null | undefined, to: IsoDate | null | undefined): boolean {
  return (from == null || from <= date) && (to == null || date <= to);
}
