import { describe, expect, it } from 'vitest';
import { fromTelex, fromVni } from '../../../bot/nlu/telex.js';

describe('fromTelex', () => {
  it.each([
    ['ddawngf', 'đằng'],
    ['dduwowcj', 'được'],
    ['kys', 'ký'],
    ['huyr', 'hủy'],
    ['suwar', 'sửa'],
    ['own', 'ơn'],
  ])('%s → %s', (typed, word) => {
    expect(fromTelex(typed)).toBe(word);
  });
  it('returns null for words that are not Telex', () => {
    for (const w of ['thanks', 'stop', 'hello', 'ok', 'zalo']) expect(fromTelex(w)).toBeNull();
  });
});

describe('fromVni', () => {
  it.each([
    ['d9a8ng', 'đăng'],
    ['ky1', 'ký'],
    ['tru7o7ng2', 'trường'],
  ])('%s → %s', (typed, word) => {
    expect(fromVni(typed)).toBe(word);
  });
  it('does not touch numbered wards, weekdays and times', () => {
    for (const w of ['p25', 't7', 'q1']) expect(fromVni(w)).toBeNull();
  });
});
