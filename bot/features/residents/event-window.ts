import { TZDate } from '@date-fns/tz';
import { VIETNAM_TIME_ZONE } from '../../core/clock.js';
import type { EventQuery } from './resident-context.js';
import { slotString } from './resident-turn.js';

/** Event types a question's `eventType` slot stands for: "hội thi" covers its rounds. */
const TYPES_FOR_SLOT: Readonly<Record<string, readonly string[]>> = {
  hoi_thi: ['hoi_thi', 'hoi_thi_so_khao', 'hoi_thi_chung_khao'],
};

/** Midnight in Vietnam at the start of a `YYYY-MM-DD` day. */
function dayStart(isoDay: string, addDays = 0): Date {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  // A plain Date: TZDate's toISOString would keep the +07:00 offset.
  return new Date(new TZDate(y, m - 1, d + addDays, VIETNAM_TIME_ZONE).getTime());
}

/**
 * The period a question names ("thứ 7 này", "cuối tuần", "tháng sau", "năm nay"), from
 * the NLU's slots (already resolved against the clock in Asia/Ho_Chi_Minh).
 */
export function eventQueryFromSlots(slots: Record<string, unknown>): EventQuery {
  const eventType = slotString(slots, 'eventType') ?? null;
  const types = eventType ? [...(TYPES_FOR_SLOT[eventType] ?? [eventType])] : [];
  const date = slotString(slots, 'date');
  const range = slots.dateRange as { from?: unknown; to?: unknown } | undefined;
  const year = typeof slots.year === 'number' ? slots.year : undefined;
  const base = { types, eventType };
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    return { ...base, period: 'date', from: dayStart(date).toISOString(), to: dayStart(date, 1).toISOString() };
  }
  if (range && typeof range.from === 'string' && typeof range.to === 'string') {
    return { ...base, period: 'range', from: dayStart(range.from).toISOString(), to: dayStart(range.to, 1).toISOString() };
  }
  if (year !== undefined) {
    return { ...base, period: 'year', from: dayStart(`${year}-01-01`).toISOString(), to: dayStart(`${year + 1}-01-01`).toISOString() };
  }
  return { ...base, period: 'none', from: null, to: null };
}

/** Splits the asked period at "now": the part still to come, and the part that is history. */
export function splitAtNow(query: EventQuery, now: Date): { upcoming: { from: Date; to: Date | null } | null; history: { from: Date; to: Date } | null } {
  const from = query.from ? new Date(query.from) : null;
  const to = query.to ? new Date(query.to) : null;
  const upcoming = to !== null && to <= now ? null : { from: from && from > now ? from : now, to };
  const history = from !== null && from < now ? { from, to: to && to < now ? to : now } : null;
  return { upcoming, history };
}
