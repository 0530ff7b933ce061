import { describe, expect, it } from 'vitest';
import { normalizeDetailed } from '../../../../bot/nlu/normalize.js';
import { buildGazetteer, extractPlace } from '../../../../bot/nlu/slots/place.slot.js';

const gaz = buildGazetteer(['Hàng Bồ', 'Cửa Nam', 'Bình Thạnh', 'Tây Hồ', 'Hồng Hà', 'Gia Định'], (s) => normalizeDetailed(s).text);
const place = (text: string) => {
  const n = normalizeDetailed(text);
  return extractPlace(n.raw, n.words, gaz);
};

describe('place spans, in the user\'s spelling', () => {
  it('known names without a marker', () => {
    expect(place('ngay hoi o hang bo khi nao')).toBe('hang bo');
  });
  it('keeps the administrative marker', () => {
    expect(place('sự kiện ở phường Cửa Nam')).toBe('phường Cửa Nam');
    expect(place('theo doi p tay ho')).toBe('p tay ho');
  });
  it('numbered wards with their old district', () => {
    expect(place('p25 binh thanh gio la phuong gi')).toBe('p25 binh thanh');
    expect(place('phuong 25 quan binh thanh')).toBe('phuong 25 quan binh thanh');
  });
  it('residential groups and unknown names after a marker', () => {
    expect(place('hoat dong o tdp so 3')).toBe('tdp so 3');
    expect(place('phuong thanh khe co gi')).toBe('phuong thanh khe');
  });
  it('ignores "phường mình", "xã hội" and names that are ordinary words', () => {
    expect(place('phuong minh co ngay hoi khong')).toBeUndefined();
    expect(place('van hoa xa hoi')).toBeUndefined();
    expect(place('ho gia dinh an toan')).toBeUndefined();
  });
  it('English "to" before a name and a tier word is the preposition, not "tổ"', () => {
    expect(place('subscribe me to Binh Thanh ward events')).toBe('Binh Thanh ward');
    expect(place('tổ 5 phường Hồng Hà có gì')).toBe('tổ 5 phường Hồng Hà');
  });
});
