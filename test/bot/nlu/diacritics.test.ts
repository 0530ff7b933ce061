import { describe, expect, it } from 'vitest';
import { suggestDiacritics } from '../../../bot/nlu/index.js';

describe('suggestDiacritics', () => {
  it('suggests marks for a domain title typed without them', () => {
    expect(suggestDiacritics('khéo trong')).toBeNull();
    expect(suggestDiacritics('kheo trong van dong nhan dan')).toBe('khéo trong vận động nhân dân');
  });
  it('keeps the typed capitalisation, numbers and abbreviations', () => {
    expect(suggestDiacritics('Dang uy phuong Cua Nam cong nhan 12 mo hinh DVK')).toBe(
      'Đảng ủy phường Cửa Nam công nhận 12 mô hình DVK',
    );
  });
  it('returns null when the text already has marks, is blank, or nothing would change', () => {
    expect(suggestDiacritics('Ngõ văn minh')).toBeNull();
    expect(suggestDiacritics('   ')).toBeNull();
    expect(suggestDiacritics('ATM 24/7')).toBeNull();
  });
});
