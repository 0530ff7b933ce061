import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../bot/core/clock.js';
import { normalizeText } from '../../../../bot/nlu/normalize.js';
import { extractDates } from '../../../../bot/nlu/slots/dates.slot.js';

// Wednesday 7 October 2026, 10:00 in Hà Nội (03:00 UTC).
const clock = fixedClock('2026-10-07T03:00:00Z');
const d = (text: string) => extractDates(normalizeText(text), clock);

describe('dates against a fixed clock (Asia/Ho_Chi_Minh)', () => {
  it('hôm nay / hnay', () => {
    expect(d('hôm nay')).toEqual({ date: '2026-10-07' });
    expect(d('hnay')).toEqual({ date: '2026-10-07' });
  });
  it('mai / ngày mai / sáng mai', () => {
    expect(d('mai')).toEqual({ date: '2026-10-08' });
    expect(d('ngày mai')).toEqual({ date: '2026-10-08' });
    expect(d('sáng mai')).toEqual({ date: '2026-10-08' });
  });
  it('does not read a person named Mai as tomorrow', () => {
    expect(d('chị Mai ơi')).toEqual({});
  });
  it('hôm qua', () => {
    expect(d('hôm qua')).toEqual({ date: '2026-10-06' });
  });
  it('thứ 7 này / t7 / thứ bảy', () => {
    expect(d('thứ 7 này')).toEqual({ date: '2026-10-10' });
    expect(d('t7')).toEqual({ date: '2026-10-10' });
    expect(d('thứ bảy')).toEqual({ date: '2026-10-10' });
  });
  it('chủ nhật, thứ 2 tuần sau, cn tuần sau', () => {
    expect(d('chủ nhật')).toEqual({ date: '2026-10-11' });
    expect(d('thứ 2 tuần sau')).toEqual({ date: '2026-10-12' });
    expect(d('cn tuần sau')).toEqual({ date: '2026-10-18' });
  });
  it('cuối tuần', () => {
    expect(d('cuối tuần')).toEqual({ dateRange: { from: '2026-10-10', to: '2026-10-11' } });
    expect(d('cuối tuần sau')).toEqual({ dateRange: { from: '2026-10-17', to: '2026-10-18' } });
  });
  it('tuần này / tuần sau', () => {
    expect(d('tuần này')).toEqual({ dateRange: { from: '2026-10-05', to: '2026-10-11' } });
    expect(d('tuần sau')).toEqual({ dateRange: { from: '2026-10-12', to: '2026-10-18' } });
  });
  it('tháng này / tháng sau / tháng 12', () => {
    expect(d('tháng này')).toEqual({ dateRange: { from: '2026-10-01', to: '2026-10-31' } });
    expect(d('tháng sau')).toEqual({ dateRange: { from: '2026-11-01', to: '2026-11-30' } });
    expect(d('tháng 12')).toEqual({ dateRange: { from: '2026-12-01', to: '2026-12-31' } });
  });
  it('năm nay / năm ngoái / năm sau / năm 2024', () => {
    expect(d('năm nay')).toEqual({ year: 2026 });
    expect(d('năm ngoái')).toEqual({ year: 2025 });
    expect(d('năm sau')).toEqual({ year: 2027 });
    expect(d('năm 2024')).toEqual({ year: 2024 });
  });
  it('15/10, 15-10-2026, 15.10, ngày 15 tháng 10 — day before month', () => {
    expect(d('15/10')).toEqual({ date: '2026-10-15' });
    expect(d('15-10-2026')).toEqual({ date: '2026-10-15' });
    expect(d('15.10')).toEqual({ date: '2026-10-15' });
    expect(d('ngày 15 tháng 10')).toEqual({ date: '2026-10-15' });
    expect(d('1/3')).toEqual({ date: '2026-03-01' });
  });
  it('rejects impossible dates', () => {
    expect(d('31/2')).toEqual({});
  });
  it('times: 9h, 8h30, 8:30, 3h chiều, 7h tối', () => {
    expect(d('9h')).toEqual({ time: '09:00' });
    expect(d('8h30')).toEqual({ time: '08:30' });
    expect(d('8:30')).toEqual({ time: '08:30' });
    expect(d('3h chiều')).toEqual({ time: '15:00' });
    expect(d('7h tối thứ 5')).toEqual({ time: '19:00', date: '2026-10-08' });
  });
  it('combines date and time', () => {
    expect(d('9h ngày 15/10')).toEqual({ time: '09:00', date: '2026-10-15' });
  });
  it('uses the Vietnamese calendar day, not UTC, near midnight', () => {
    // 23:30 UTC on the 7th is already the 8th in Hà Nội.
    expect(extractDates('hom nay', fixedClock('2026-10-07T23:30:00Z'))).toEqual({ date: '2026-10-08' });
  });
});
