import { describe, expect, it } from 'vitest';
import { createCampaignCalendar, isLateSubmission, windowPhase, type CalendarEntry } from '../../../bot/domain/campaign-calendar.js';
import { units } from './domain-fixtures.js';

const entry = (over: Partial<CalendarEntry>): CalendarEntry => ({
  id: 'e',
  reviewingUnitId: 'hn-p-cuanam',
  year: 2026,
  kind: 'registration_window',
  reportKind: null,
  startsOn: '2026-01-15',
  endsOn: '2026-03-31',
  effectiveFrom: '2026-01-01',
  demo: true,
  ...over,
});

describe('campaign calendar', () => {
  const calendar = createCampaignCalendar({
    units,
    entries: [
      entry({ id: 'w1' }),
      entry({ id: 'w2', endsOn: '2026-04-15', effectiveFrom: '2026-03-20' }),
      entry({ id: 'r1', kind: 'report_due', reportKind: 'so_ket_6_thang', startsOn: null, endsOn: '2026-06-15' }),
      entry({ id: 'ev', kind: 'evaluation_round', startsOn: '2026-09-01', endsOn: '2026-10-10' }),
    ],
  });

  it('is not configured when nothing is configured: no invented dates', () => {
    expect(calendar.registrationWindow('hn-p-hoankiem', 2026, '2026-02-01')).toEqual({ status: 'not_configured' });
    expect(calendar.registrationWindow('hn-p-cuanam', 2027, '2026-02-01')).toEqual({ status: 'not_configured' });
    expect(calendar.reportDue('hn-p-cuanam', 2026, 'tong_ket_nam', '2026-02-01')).toEqual({ status: 'not_configured' });
    expect(windowPhase({ status: 'not_configured' }, '2026-05-01')).toBe('not_configured');
    expect(isLateSubmission({ status: 'not_configured' }, '2026-12-31')).toBe(false);
  });

  it('takes the latest effective entry as of the question date', () => {
    const before = calendar.registrationWindow('hn-p-cuanam', 2026, '2026-03-01');
    expect(before.status === 'configured' && before.entry.id).toBe('w1');
    const after = calendar.registrationWindow('hn-p-cuanam', 2026, '2026-04-01');
    expect(after.status === 'configured' && after.entry.id).toBe('w2');
    expect(isLateSubmission(before, '2026-04-01')).toBe(true);
    expect(isLateSubmission(after, '2026-04-01')).toBe(false);
    expect(windowPhase(after, '2026-01-01')).toBe('before');
  });

  it('applies to units below the reviewing unit and to wards it absorbed', () => {
    expect(calendar.reportDue('hn-p-cuanam', 2026, 'so_ket_6_thang', '2026-05-01')).toMatchObject({ status: 'configured', entry: { endsOn: '2026-06-15' } });
    expect(calendar.evaluationRound('hk-hangbai', 2026, '2026-05-01')).toMatchObject({ status: 'configured', reviewingUnitId: 'hn-p-cuanam' });
  });
});
