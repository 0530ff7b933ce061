import { describe, expect, it } from 'vitest';
import { checkDecisionNumber } from '../../../bot/domain/decision-number.js';
import { formatRegistrationCode, parseRegistrationCode, suggestUnitShortCode } from '../../../bot/domain/registration-code.js';
import { isVisibleToResident, REGISTRATION_STATUSES } from '../../../bot/domain/registration-status.js';
import { foldText, normalizeStoredText } from '../../../bot/core/fold.js';
import { DUPLICATE_SIMILARITY_THRESHOLD, findPossibleDuplicates, titleSimilarity } from '../../../bot/domain/title-similarity.js';

describe('foldText', () => {
  it.each([
    ['Đăng ký mô hình', 'dang ky mo hinh'],
    ['P.Hàng Bồ', 'p hang bo'],
    ['nhaaaa', 'nha'],
    ['  Dân   vận\tkhéo ', 'dan van kheo'],
    ['Thạnh Mỹ Tây', 'thanh my tay'],
    ['Cửa Nam'.normalize('NFD'), 'cua nam'],
  ])('%s → %s', (input, folded) => expect(foldText(input)).toBe(folded));

  it('stores NFC with collapsed spaces', () => {
    expect(normalizeStoredText('  Cửa   Nam '.normalize('NFD'))).toBe('Cửa Nam');
  });
});

describe('title similarity and duplicates', () => {
  const existing = [
    { id: 'a', code: 'DVK-2026-CN-009', title: 'Thanh niên tuyên truyền văn hóa lịch sử trên nền tảng công nghệ', subjectUnitId: 'u1', year: 2026 },
    { id: 'b', code: 'DVK-2025-CN-001', title: 'Thanh niên tuyên truyền văn hóa lịch sử trên nền tảng công nghệ', subjectUnitId: 'u1', year: 2025 },
    { id: 'c', code: 'DVK-2026-HK-001', title: 'Thanh niên tuyên truyền văn hóa lịch sử trên nền tảng công nghệ', subjectUnitId: 'u2', year: 2026 },
    { id: 'd', code: 'DVK-2026-CN-010', title: 'Khéo trong vận động hộ kinh doanh giữ gìn vỉa hè', subjectUnitId: 'u1', year: 2026 },
  ];

  it('ASCII and accented forms of the same title are identical', () => {
    expect(titleSimilarity('thanh nien tuyen truyen van hoa lich su tren nen tang cong nghe', existing[0]!.title)).toBe(1);
  });

  it('reports only the same unit and year at ≥ 0.85', () => {
    const found = findPossibleDuplicates({ title: 'Thanh niên tuyên truyền văn hoá lịch sử trên nền tảng công nghệ số', subjectUnitId: 'u1', year: 2026 }, existing);
    expect(found.map((d) => d.code)).toEqual(['DVK-2026-CN-009']);
    expect(found[0]!.similarity).toBeGreaterThanOrEqual(DUPLICATE_SIMILARITY_THRESHOLD);
  });

  it('a different model is not a duplicate, and a record is not its own duplicate', () => {
    expect(titleSimilarity('Ngõ văn minh đô thị', 'Tuyến phố bích họa, nở hoa')).toBeLessThan(0.5);
    expect(findPossibleDuplicates({ id: 'a', title: existing[0]!.title, subjectUnitId: 'u1', year: 2026 }, existing)).toEqual([]);
  });
});

describe('registration codes', () => {
  it('formats and parses', () => {
    expect(formatRegistrationCode({ year: 2026, unitShortCode: 'CN', sequence: 17 })).toBe('DVK-2026-CN-017');
    expect(formatRegistrationCode({ year: 2026, unitShortCode: 'HCM', sequence: 1234 })).toBe('DVK-2026-HCM-1234');
    expect(parseRegistrationCode('DVK-2026-CN-017')).toEqual({ year: 2026, unitShortCode: 'CN', sequence: 17 });
    expect(parseRegistrationCode('dvk 2026 cn 17')).toEqual({ year: 2026, unitShortCode: 'CN', sequence: 17 });
    expect(parseRegistrationCode('tra cứu mô hình')).toBeUndefined();
  });

  it('rejects bad parts', () => {
    expect(() => formatRegistrationCode({ year: 26, unitShortCode: 'CN', sequence: 1 })).toThrow(RangeError);
    expect(() => formatRegistrationCode({ year: 2026, unitShortCode: 'cn', sequence: 1 })).toThrow(RangeError);
    expect(() => formatRegistrationCode({ year: 2026, unitShortCode: 'CN', sequence: 0 })).toThrow(RangeError);
  });

  it('suggests short codes from names (a suggestion only)', () => {
    expect(suggestUnitShortCode('phường Cửa Nam')).toBe('CN');
    expect(suggestUnitShortCode('Bình Thạnh')).toBe('BT');
    expect(suggestUnitShortCode('Thành phố Hồ Chí Minh')).toBe('HCM');
    expect(suggestUnitShortCode('Hàng Bồ')).toBe(suggestUnitShortCode('Hàng Bài'));
  });
});

describe('decision numbers (soft)', () => {
  it.each([
    ['48-KH/BDVTU', 'party'],
    ['70-KH/BDVTW', 'party'],
    ['06/2021/QĐ-UBND', 'state'],
    ['1656/NQ-UBTVQH15', 'state'],
    [' 12 - QĐ / ĐU ', 'party'],
  ])('%s is a %s document', (raw, kind) => expect(checkDecisionNumber(raw)).toMatchObject({ ok: true, kind }));

  it('warns, never blocks, on anything else', () => {
    expect(checkDecisionNumber('QD so 15')).toEqual({ ok: false, normalized: 'QD SO 15', warningKey: 'warn-decision-number-format' });
  });
});

describe('resident visibility', () => {
  it('only recognised, or staff-marked public and past review', () => {
    const visible = REGISTRATION_STATUSES.filter((status) => isVisibleToResident({ status, markedPublic: false }));
    expect(visible).toEqual(['recognized']);
    const marked = REGISTRATION_STATUSES.filter((status) => isVisibleToResident({ status, markedPublic: true }));
    expect(marked).not.toContain('draft');
    expect(marked).not.toContain('withdrawn');
    expect(marked).not.toContain('rejected');
    expect(marked).toContain('accepted');
  });
});
