import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { VIETNAM_TIME_ZONE } from '../../core/clock.js';
import type { ReplyKit } from '../../conversation/reply-kit.js';
import type { IsoDate } from '../../domain/iso-date.js';
import type { UnitNode } from '../../domain/unit-tree.js';
import type { EventQuery } from './resident-context.js';
import type { EventView } from './resident-services.js';

const inVietnam = (instant: Date) => new TZDate(instant.getTime(), VIETNAM_TIME_ZONE);

/** dd/MM/yyyy in Vietnam. */
export function formatDay(instant: Date): string {
  return format(inVietnam(instant), 'dd/MM/yyyy');
}

export function formatTime(instant: Date): string {
  return format(inVietnam(instant), 'HH:mm');
}

/** A calendar date "2025-07-01" → "01/07/2025". */
export function formatIsoDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** As precise as the record is, never more: a month-precision event shows "10/2022". */
export function formatWhen(event: EventView): string {
  if (event.startsAt && (event.datePrecision === 'minute' || event.datePrecision === 'day')) {
    const day = formatDay(event.startsAt);
    if (event.datePrecision === 'day') return day;
    const start = formatTime(event.startsAt);
    if (event.endsAt && formatDay(event.endsAt) === day) return `${day} ${start}–${formatTime(event.endsAt)}`;
    return `${day} ${start}`;
  }
  const text = event.dateText ?? '';
  const month = /^(\d{4})-(\d{2})/.exec(text);
  if (event.datePrecision === 'month' && month) return `${month[2]}/${month[1]}`;
  const year = /^(\d{4})/.exec(text);
  return year ? year[1]! : '?';
}

export function unitName(kit: ReplyKit, unit: Pick<UnitNode, 'type' | 'name'>): string {
  return kit.t('res-unit', { type: unit.type, name: unit.name });
}

export function unitNames(kit: ReplyKit, units: readonly Pick<UnitNode, 'type' | 'name'>[]): string {
  return units.map((u) => unitName(kit, u)).join(', ');
}

export function eventLine(kit: ReplyKit, event: EventView, history = false): string {
  return kit.t(history ? 'res-event-line-past' : 'res-event-line', {
    when: formatWhen(event),
    title: event.title,
    venue: event.venue ?? '',
    hasVenue: event.venue ? 'yes' : 'no',
    status: event.status,
  });
}

/** "thứ 7 này" comes back as the day it means: "ngày 28/11/2026". */
export function periodLabel(kit: ReplyKit, query: EventQuery): string {
  if (query.period === 'none' || !query.from || !query.to) return kit.t('res-period-upcoming');
  const from = new Date(query.from);
  const lastDay = new Date(new Date(query.to).getTime() - 1);
  if (query.period === 'date') return kit.t('res-period-date', { date: formatDay(from) });
  if (query.period === 'year') return kit.t('res-period-year', { year: format(inVietnam(from), 'yyyy') });
  return kit.t('res-period-range', { from: formatDay(from), to: formatDay(lastDay) });
}
