import { describe, expect, it } from 'vitest';
import { maskPhone, maskPhonesInText } from '../../../bot/core/mask-phone.js';

describe('phone masking', () => {
  it('masks a number down to its first two and last three digits', () => {
    expect(maskPhone('0912345678')).toBe('09xx xxx 678');
    expect(maskPhone('+84912345678')).toBe('+849xx xxx 678');
  });

  it.each([
    ['gọi em 0987.654.321 nhé', 'gọi em 09xx xxx 321 nhé'],
    ['sdt: 0356-111-222', 'sdt: 03xx xxx 222'],
    ['lien he +84 912 345 678', 'lien he +849xx xxx 678'],
  ])('masks phones inside text: %s', (input, expected) => {
    expect(maskPhonesInText(input)).toBe(expected);
  });

  it('leaves other numbers alone (codes, dates, 12-digit ids are handled elsewhere)', () => {
    expect(maskPhonesInText('DVK-2026-CN-017 ngày 15/10/2026, 620 lượt')).toBe('DVK-2026-CN-017 ngày 15/10/2026, 620 lượt');
  });
});
