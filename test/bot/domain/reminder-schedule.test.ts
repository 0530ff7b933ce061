import { describe, expect, it } from 'vitest';
import { parseQuietHours } from '../../../bot/domain/quiet-hours.js';
import { deadlineMoments, evaluationVisitMoment, eventMoments, REPORT_DUE_OFFSETS, revisionMoments } from '../../../bot/domain/reminder-schedule.js';

const QUIET = parseQuietHours('21:00-07:00');
const iso = (dates: Array<{ fireAt: Date }>) => dates.map((d) => d.fireAt.toISOString());

/** Domain §2.5 timings, in Vietnam time (UTC+7), never inside quiet hours. */
describe('reminder schedule', () => {
  it('report due: T-7, T-3, T-1 and the day at 08:00, keyed by kind, date and offset', () => {
    const moments = deadlineMoments('2026-06-15', REPORT_DUE_OFFSETS, QUIET, 'so_ket_6_thang:');
    expect(iso(moments)).toEqual(['2026-06-08T01:00:00.000Z', '2026-06-12T01:00:00.000Z', '2026-06-14T01:00:00.000Z', '2026-06-15T01:00:00.000Z']);
    expect(moments.map((m) => [m.occurrence, m.daysLeft])).toEqual([
      ['so_ket_6_thang:2026-06-15@-7', 7], ['so_ket_6_thang:2026-06-15@-3', 3], ['so_ket_6_thang:2026-06-15@-1', 1], ['so_ket_6_thang:2026-06-15@0', 0],
    ]);
  });

  it('event: T-3 morning, T-1 at 18:00, the morning of; a postponed event gets new keys', () => {
    const moments = eventMoments(new Date('2026-12-06T08:00:00+07:00'), QUIET);
    expect(moments.map((m) => m.occurrence)).toEqual(['t-3@2026-12-06', 't-1@2026-12-06', 'morning@2026-12-06']);
    expect(iso(moments)).toEqual(['2026-12-03T01:00:00.000Z', '2026-12-05T11:00:00.000Z', '2026-12-06T00:00:00.000Z']);
    expect(eventMoments(new Date('2026-12-13T08:00:00+07:00'), QUIET)[0]!.occurrence).toBe('t-3@2026-12-13');
  });

  it('event: a moment at or after the start is dropped; quiet hours ending later move the morning one', () => {
    expect(eventMoments(new Date('2026-12-06T06:30:00+07:00'), QUIET).map((m) => m.occurrence)).toEqual(['t-3@2026-12-06', 't-1@2026-12-06']);
    const late = eventMoments(new Date('2026-12-06T09:00:00+07:00'), parseQuietHours('21:00-07:30'));
    expect(late.at(-1)!.fireAt.toISOString()).toBe('2026-12-06T00:30:00.000Z');
  });

  it('revision pending: 7 and 21 days after the return, moved to 07:00 when that falls at night', () => {
    const [cadre, reviewer] = revisionMoments(new Date('2026-07-01T22:30:00+07:00'), QUIET);
    expect(cadre).toMatchObject({ kind: 'revision_pending', fireAt: new Date('2026-07-09T07:00:00+07:00') });
    expect(reviewer).toMatchObject({ kind: 'revision_pending_reviewer', fireAt: new Date('2026-07-23T07:00:00+07:00') });
    expect(revisionMoments(new Date('2026-07-01T10:00:00+07:00'), null)[0]!.fireAt).toEqual(new Date('2026-07-08T10:00:00+07:00'));
  });

  it('evaluation visit: 08:00 the day before', () => {
    expect(evaluationVisitMoment('2026-10-01', QUIET)).toEqual({ occurrence: 'visit@2026-10-01', fireAt: new Date('2026-09-30T08:00:00+07:00'), daysLeft: 1 });
  });
});
