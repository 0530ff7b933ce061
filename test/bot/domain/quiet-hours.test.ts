import { describe, expect, it } from 'vitest';
import { isQuiet, nextAllowedInstant, parseQuietHours, QuietHoursFormatError } from '../../../bot/domain/quiet-hours.js';

const quiet = parseQuietHours('21:00-07:00');

describe('parseQuietHours', () => {
  it('reads HH:MM-HH:MM and treats empty as none', () => {
    expect(quiet).toEqual({ startMinute: 21 * 60, endMinute: 7 * 60 });
    expect(parseQuietHours('  ')).toBeNull();
    expect(parseQuietHours('12:30 - 13:15')).toEqual({ startMinute: 750, endMinute: 795 });
  });
  it('refuses malformed, out-of-range and empty windows with the fix', () => {
    expect(() => parseQuietHours('9pm-7am')).toThrow(QuietHoursFormatError);
    expect(() => parseQuietHours('24:00-07:00')).toThrow(/above 23/);
    expect(() => parseQuietHours('07:00-07:00')).toThrow(/same minute/);
  });
});

describe('nextAllowedInstant (Vietnam time, UTC+7)', () => {
  it('keeps an allowed instant', () => {
    const at = new Date('2026-12-01T03:00:00Z'); // 10:00 local
    expect(isQuiet(quiet, at)).toBe(false);
    expect(nextAllowedInstant(quiet, at)).toEqual(at);
  });
  it('moves a late-evening send to 07:00 the next morning', () => {
    const at = new Date('2026-12-01T15:30:00Z'); // 22:30 local on 01/12
    expect(isQuiet(quiet, at)).toBe(true);
    expect(nextAllowedInstant(quiet, at).toISOString()).toBe('2026-12-02T00:00:00.000Z');
  });
  it('moves an early-morning send to 07:00 the same day', () => {
    const at = new Date('2026-12-01T22:10:00Z'); // 05:10 local on 02/12
    expect(nextAllowedInstant(quiet, at).toISOString()).toBe('2026-12-02T00:00:00.000Z');
  });
  it('treats the window as start-inclusive and end-exclusive', () => {
    expect(isQuiet(quiet, new Date('2026-12-01T14:00:00Z'))).toBe(true); // 21:00 local
    expect(isQuiet(quiet, new Date('2026-12-02T00:00:00Z'))).toBe(false); // 07:00 local
  });
  it('handles a daytime window and no window', () => {
    const lunch = parseQuietHours('11:30-13:30');
    expect(nextAllowedInstant(lunch, new Date('2026-12-01T05:00:00Z')).toISOString()).toBe('2026-12-01T06:30:00.000Z');
    expect(nextAllowedInstant(null, new Date('2026-12-01T15:30:00Z')).toISOString()).toBe('2026-12-01T15:30:00.000Z');
  });
});
